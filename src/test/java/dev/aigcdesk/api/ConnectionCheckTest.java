package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.testing.Fixtures;
import java.net.InetAddress;
import java.net.ServerSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Settings' "Test connection": what each answer means, with the failure kept for the window to say in its language. */
class ConnectionCheckTest {

    private final ConnectionCheck check = new ConnectionCheck("test");

    @Test
    void aKnownKeyAnAnsweringServiceARejectedKeyAndADeadAddress() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder()
                    .body(Fixtures.read("error_task_not_found.json"))
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(401)
                    .body(Fixtures.read("aggregator_401.json"))
                    .build());

            assertThat(check.run(server.url("/").toString(), "sk-good").outcome())
                    .isEqualTo(ConnectionCheck.Outcome.KEY_ACCEPTED);
            ConnectionCheck.Result rejected = check.run(server.url("/").toString(), "sk-wrong");
            assertThat(rejected.outcome()).isEqualTo(ConnectionCheck.Outcome.KEY_REJECTED);
            assertThat(rejected.failure()).isInstanceOf(AuthenticationFailedException.class);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ConnectionCheck.Result dead = check.run("http://127.0.0.1:" + closed + "/", "sk");
        assertThat(dead.ok()).isFalse();
        assertThat(dead.failure()).isInstanceOf(NetworkErrorException.class);
        assertThat(check.run("ftp://nowhere", "sk").outcome()).isEqualTo(ConnectionCheck.Outcome.BAD_ADDRESS);
    }
}
