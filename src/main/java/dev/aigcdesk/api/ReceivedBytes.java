package dev.aigcdesk.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets that count what they receive, per calling thread, so a timed-out query can say how much of
 * its answer did arrive. OkHttp reads an HTTP/1.1 answer on the thread that executes the call; over
 * HTTP/2 the reading is on another thread and the count stays 0 (the words then say "0 bytes").
 */
final class ReceivedBytes extends SocketFactory {

    private final ThreadLocal<long[]> count = ThreadLocal.withInitial(() -> new long[1]);

    /** Bytes received on this thread so far. */
    long onThisThread() {
        return count.get()[0];
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public InputStream getInputStream() throws IOException {
                return new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            count.get()[0]++;
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = super.read(buf, off, len);
                        if (n > 0) {
                            count.get()[0] += n;
                        }
                        return n;
                    }
                };
            }
        };
    }

    // OkHttp only ever asks for an unconnected socket; the connecting forms are there for the contract.
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }
}
