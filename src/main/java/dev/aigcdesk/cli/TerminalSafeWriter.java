package dev.aigcdesk.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from the service reaches the terminal through this: control and escape characters (which
 * could move the cursor, retitle the window or hide text) are written as visible {@code \\xNN}.
 * Newlines and tabs pass; JSON output is unchanged, since JSON escapes its own control characters.
 */
final class TerminalSafeWriter extends FilterWriter {

    /** Where lines end in CR LF (Windows), the app's own line ends pass; any other CR is shown. */
    private static final boolean CRLF = System.lineSeparator().equals("\r\n");

    private boolean pendingCr;

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write(c == '\n' ? "\r" : "\\x0d");
        }
        if (c == '\r' && CRLF) {
            pendingCr = true;
            return;
        }
        if (isUnsafe(c)) {
            out.write(String.format("\\x%02x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void flush() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            out.write("\\x0d");
        }
        super.flush();
    }

    static boolean isUnsafe(int c) {
        return (c < 0x20 && c != '\n' && c != '\t')
                || (c >= 0x7f && c <= 0x9f)
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
