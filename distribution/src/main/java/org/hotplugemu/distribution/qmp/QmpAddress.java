package org.hotplugemu.distribution.qmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotplugemu.distribution.wiring.StartupException;

/**
 * Where {@code serve} listens, in QEMU's {@code -qmp} syntax: {@code unix:PATH} or
 * {@code tcp:HOST:PORT}, optionally followed by QEMU's {@code ,server=on,wait=off} (the server
 * always listens and never waits for a client before running).
 */
public record QmpAddress(Path unixPath, String host, int port) {
    public static QmpAddress parse(String text) {
        String spec = text;
        int comma = spec.indexOf(',');
        if (comma >= 0) {
            for (String option : spec.substring(comma + 1).split(",")) {
                if (!List.of("server", "server=on", "wait=off", "nowait").contains(option)) {
                    throw new StartupException(List.of("--qmp " + text + ": option '" + option + "' is not supported (server=on,wait=off are implied)"));
                }
            }
            spec = spec.substring(0, comma);
        }
        if (spec.startsWith("unix:") && spec.length() > 5) {
            return new QmpAddress(Path.of(spec.substring(5)), null, 0);
        }
        if (spec.startsWith("tcp:")) {
            int colon = spec.lastIndexOf(':');
            if (colon > 3) {
                try {
                    int port = Integer.parseInt(spec.substring(colon + 1));
                    if (port >= 0 && port <= 65535) {
                        String host = spec.substring(4, colon);
                        return new QmpAddress(null, host.isEmpty() ? "0.0.0.0" : host, port);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new StartupException(List.of("--qmp " + text + ": use unix:PATH or tcp:HOST:PORT"));
    }

    /** Opens the listening socket; a stale unix socket file is replaced, as QEMU does. */
    ServerSocketChannel listen() throws IOException {
        if (unixPath != null) {
            Files.deleteIfExists(unixPath);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(unixPath));
            return channel;
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(host, port));
        return channel;
    }

    @Override
    public String toString() {
        return unixPath != null ? "unix:" + unixPath : "tcp:" + host + ":" + port;
    }
}
