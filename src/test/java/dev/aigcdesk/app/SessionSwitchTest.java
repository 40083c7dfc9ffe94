package dev.aigcdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.testing.Fixtures;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's session switches (first key entry, Settings OK, the demo and back) against a
 * loopback service: each leaves exactly one running sync, holding the library's lock.
 */
class SessionSwitchTest {

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    private Wiring wiring;
    private LibraryOpener opener;
    private OpenLibrary current;
    private long loopsBefore;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder()
                        .body(Fixtures.read("image_waiting.json"))
                        .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        wiring = new Wiring(Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC());
        opener = new LibraryOpener(wiring);
        loopsBefore = liveSyncLoops();
    }

    @AfterEach
    void stop() throws Exception {
        if (current != null) {
            current.close();
        }
        server.close();
    }

    private SessionOptions real() {
        return new SessionOptions(server.url("/").toString(), null, false, home);
    }

    private void switchTo(SessionOptions options) throws Exception {
        current = opener.open(current, options, List.of());
        current.sync().begin(); // what the window does once its first page is on screen
    }

    @Test
    void enteringTheFirstKeyKeepsTheLibrarySyncing() throws Exception {
        switchTo(real());
        assertThat(current.session().connection().hasKey()).isFalse();
        assertThat(current.sync().active()).as("the first window syncs").isTrue();

        // What Settings → OK does with a newly entered key.
        wiring.keyStore(AppPaths.resolve(home, Map.of())).save("sk-first-key");
        switchTo(real());

        assertThat(current.session().connection().hasKey()).isTrue();
        assertThat(current.sync().active())
                .as("after entering the key, this window still refreshes and archives")
                .isTrue();
        assertThat(syncLoops()).as("one running sync loop").isEqualTo(1);
    }

    @Test
    void settingsOkTwiceInARowLeavesOneSync() throws Exception {
        switchTo(real());
        switchTo(real());
        switchTo(real());
        assertThat(current.sync().active()).isTrue();
        assertThat(syncLoops()).as("one running sync loop").isEqualTo(1);
    }

    @Test
    void theDemoAndBackLeaveTheRealLibrarySyncing() throws Exception {
        switchTo(real());
        switchTo(real().withDemo(true));
        assertThat(current.session().isDemo()).isTrue();
        assertThat(current.sync().active()).isTrue();
        switchTo(real());
        assertThat(current.session().isDemo()).isFalse();
        assertThat(current.sync().active())
                .as("leaving the demo, the real library syncs")
                .isTrue();
        assertThat(syncLoops()).as("one running sync loop").isEqualTo(1);
    }

    @Test
    void aSecondWindowOnTheLibraryTakesOverWhenTheFirstCloses() throws Exception {
        switchTo(real());
        OpenLibrary first = current;
        // Another window on the same library: it shows the library and waits for the lock.
        OpenLibrary second = new LibraryOpener(wiring).open(null, real(), List.of());
        second.sync().begin();
        try {
            assertThat(second.sync().active())
                    .as("the lock is held by the first window")
                    .isFalse();
            assertThat(second.ledger()).isNotNull();
            CountDownLatch tookOver = new CountDownLatch(1);
            second.sync().onActive(tookOver::countDown);

            first.close();
            current = null;
            long interval = second.session().intervals().image().toMillis();
            assertThat(tookOver.await(interval + 2_000, TimeUnit.MILLISECONDS))
                    .as("the second window takes over within one poll interval (%d ms)", interval)
                    .isTrue();
            assertThat(second.sync().active()).isTrue();
            assertThat(syncLoops()).isEqualTo(1);
        } finally {
            second.close();
        }
    }

    private static long liveSyncLoops() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sync-loop") && t.isAlive())
                .count();
    }

    /** Sync loops this test started that still run. */
    private long syncLoops() throws InterruptedException {
        // Closed loops end within a moment; give them that moment.
        long deadline = System.nanoTime() + 5_000_000_000L;
        long n;
        do {
            n = liveSyncLoops() - loopsBefore;
            if (n <= 1) {
                return n;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return n;
    }
}
