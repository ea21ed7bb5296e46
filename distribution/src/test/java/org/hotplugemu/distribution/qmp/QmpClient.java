package org.hotplugemu.distribution.qmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A bare QMP client over a unix socket: one message per line out, QEMU's {@code \r\n}-terminated lines in. */
final class QmpClient implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    QmpClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        out = Channels.newOutputStream(channel);
    }

    void send(String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Returns the next message, or null at end of stream; fails unless it ends with {@code \r\n}. */
    String receive() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                if (line.isEmpty() || line.charAt(line.length() - 1) != '\r') {
                    throw new IOException("QMP line not terminated by \\r\\n: " + line);
                }
                return line.substring(0, line.length() - 1);
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    /** Sends a command and returns its reply. */
    String execute(String json) throws IOException {
        send(json);
        return receive();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
