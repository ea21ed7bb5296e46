package org.hotplugemu.distribution.qmp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;

/**
 * A QMP monitor over a real socket, speaking like QEMU 7.2: the greeting, capabilities
 * negotiation, commands answered in order with {@code id} echoed, events (only after negotiation)
 * with QEMU's {@code timestamp}. One client at a time; the server runs until {@code quit} or
 * {@link #close()}.
 */
public final class QmpServer implements AutoCloseable {
    /** The greeting of the recorded QEMU, so clients that gate on the version behave the same. */
    static final Map<String, Object> GREETING = greeting();

    private static final Set<String> TOP_LEVEL = Set.of("execute", "arguments", "id", "control");

    private final QmpAddress address;
    private final QmpCommands commands;
    private final VirtualCpus cpus;
    private final PrintStream log;
    private final boolean verbose;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile ServerSocketChannel listener;
    private volatile Session session;
    private volatile boolean quit;

    QmpServer(QmpAddress address, Machine machine, VirtualCpus cpus, PrintStream log, boolean verbose) {
        this.address = requireNonNull(address, "address is null");
        this.cpus = requireNonNull(cpus, "cpus is null");
        this.commands = new QmpCommands(machine, cpus);
        this.log = requireNonNull(log, "log is null");
        this.verbose = verbose;
        machine.systemDevices().setListener(cpus);
        cpus.setSink((name, data) -> {
            Session current = session;
            if (current != null) {
                current.event(name, data);
            }
        });
    }

    /** Creates the server for {@code machine} (booted, with {@code smp.cpus()} present of {@code smp.maxCpus()}). */
    public static QmpServer create(QmpAddress address, Machine machine, SmpOption smp, PrintStream log, boolean verbose) {
        String arch = machine.architecture();
        String type = arch.equals("x86") ? "qemu64-x86_64-cpu" : arch.equals("arm64") ? "max-arm-cpu" : arch + "-cpu";
        String target = arch.equals("x86") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch;
        return new QmpServer(address, machine, new VirtualCpus(smp, type, target), log, verbose);
    }

    /** Binds the socket; returns the address clients connect to (with the real port for {@code tcp:...:0}). */
    public String bind() throws IOException {
        listener = address.listen();
        if (listener.getLocalAddress() instanceof InetSocketAddress inet) {
            return "tcp:" + inet.getHostString() + ":" + inet.getPort();
        }
        return address.toString();
    }

    /** Serves clients one after another until {@code quit} or {@link #close()}. */
    public void serve() throws IOException {
        if (listener == null) {
            bind();
        }
        while (!quit) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            }
            try (channel) {
                session = new Session(Channels.newOutputStream(channel));
                session.run(Channels.newInputStream(channel));
            } catch (IOException e) {
                if (verbose) {
                    log.println("hotplug-emu: QMP client gone: " + e.getMessage());
                }
            } finally {
                session = null;
            }
        }
    }

    @Override
    public void close() {
        quit = true;
        try {
            if (listener != null) {
                listener.close();
            }
            if (address.unixPath() != null) {
                Files.deleteIfExists(address.unixPath());
            }
        } catch (IOException e) {
            log.println("hotplug-emu: closing " + address + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> greeting() {
        Map<String, Object> qemu = new LinkedHashMap<>();
        qemu.put("major", 7);
        qemu.put("minor", 2);
        qemu.put("micro", 22);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("qemu", qemu);
        version.put("package", "Debian 1:7.2+dfsg-7+deb12u18+b3");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("capabilities", List.of("oob"));
        return Map.of("QMP", body);
    }

    /** One client connection. */
    private final class Session {
        private final OutputStream out;
        private boolean negotiated;

        Session(OutputStream out) {
            this.out = out;
        }

        void run(InputStream in) throws IOException {
            send(GREETING);
            java.util.List<QmpStreamer.Message> messages = new java.util.ArrayList<>();
            QmpStreamer streamer = new QmpStreamer(messages::add);
            InputStream buffered = new java.io.BufferedInputStream(in);
            while (!quit) {
                int b = buffered.read();
                if (b < 0) {
                    return;
                }
                streamer.feed(b);
                for (int i = 0; i < messages.size() && !quit; i++) {
                    QmpStreamer.Message message = messages.get(i);
                    if (message.error() != null) {
                        // A parse error's reply never has an id (monitor_qmp_dispatcher_co).
                        send(error(null, QmpError.generic(message.error())));
                    } else {
                        handle(message.value());
                    }
                }
                messages.clear();
            }
        }

        private void handle(JsonNode message) throws IOException {
            if (!message.isObject()) {
                send(error(null, QmpError.generic("QMP input must be a JSON object")));
                return;
            }
            JsonNode id = message.get("id");
            QmpCommands.Outcome outcome;
            try {
                outcome = dispatch((ObjectNode) message);
            } catch (QmpError e) {
                send(error(id, e));
                return;
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("return", outcome.value());
            if (id != null) {
                reply.put("id", mapper.convertValue(id, Object.class));
            }
            send(reply);
            if (outcome.quit()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("guest", false);
                data.put("reason", "host-qmp-quit");
                event("SHUTDOWN", data);
                quit = true;
                close();
                return;
            }
            try {
                outcome.after().run();
            } catch (HotplugException e) {
                if (verbose) {
                    log.println("hotplug-emu: guest: " + e.getMessage());
                }
            }
        }

        private QmpCommands.Outcome dispatch(ObjectNode message) {
            JsonNode execute = message.get("execute");
            if (execute == null) {
                throw QmpError.generic(message.has("exec-oob") ? "QMP input member 'exec-oob' is unexpected" : "QMP input lacks member 'execute'");
            }
            if (!execute.isTextual()) {
                throw QmpError.generic("QMP input member 'execute' must be a string");
            }
            message.fieldNames().forEachRemaining(name -> {
                if (!TOP_LEVEL.contains(name)) {
                    throw QmpError.generic("QMP input member '" + name + "' is unexpected");
                }
            });
            JsonNode arguments = message.get("arguments");
            if (arguments != null && !arguments.isObject()) {
                throw QmpError.generic("QMP input member 'arguments' must be an object");
            }
            ObjectNode args = arguments == null ? mapper.createObjectNode() : (ObjectNode) arguments;
            String command = execute.asText();
            if (!negotiated) {
                if (!command.equals("qmp_capabilities")) {
                    throw new QmpError(QmpError.COMMAND_NOT_FOUND, "Expecting capabilities negotiation with 'qmp_capabilities'");
                }
                negotiated = true;
                return QmpCommands.Outcome.of(Map.of());
            }
            if (command.equals("qmp_capabilities")) {
                throw new QmpError(QmpError.COMMAND_NOT_FOUND, "Capabilities negotiation is already complete, command ignored");
            }
            return commands.execute(command, args);
        }

        private Map<String, Object> error(JsonNode id, QmpError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("class", e.errorClass());
            body.put("desc", e.desc());
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("error", body);
            if (id != null) {
                reply.put("id", mapper.convertValue(id, Object.class));
            }
            return reply;
        }

        void event(String name, Map<String, Object> data) {
            if (!negotiated) {
                return;
            }
            Instant now = Instant.now();
            Map<String, Object> timestamp = new LinkedHashMap<>();
            timestamp.put("seconds", now.getEpochSecond());
            timestamp.put("microseconds", now.getNano() / 1000);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", name);
            event.put("data", data);
            event.put("timestamp", timestamp);
            try {
                send(event);
            } catch (IOException e) {
                // The client is gone; its reader ends the session.
            }
        }

        private synchronized void send(Map<String, Object> message) throws IOException {
            out.write((QmpJson.write(message) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
