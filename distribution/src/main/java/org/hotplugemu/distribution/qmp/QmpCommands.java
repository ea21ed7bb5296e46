package org.hotplugemu.distribution.qmp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.sysdev.SysdevFault;
import org.hotplugemu.core.sysdev.SysdevFaults;
import org.hotplugemu.core.sysdev.SystemDevices;

/**
 * The QMP commands {@code serve} answers, with QEMU 7.2's argument checks and error texts. A command
 * returns its reply value and, for {@code device_add}/{@code device_del}, the guest's side to run
 * once the reply is sent (QEMU replies before the guest reacts).
 */
final class QmpCommands {
    /** A command's result: the {@code return} value, what the guest does next, and whether to quit. */
    record Outcome(Object value, Runnable after, boolean quit) {
        static Outcome of(Object value) {
            return new Outcome(value, () -> { }, false);
        }
    }

    private static final Set<String> CPU_PROPERTIES = Set.of("socket-id", "die-id", "core-id", "thread-id", "node-id");

    private final Machine machine;
    private final SystemDevices devices;
    private final VirtualCpus cpus;

    QmpCommands(Machine machine, VirtualCpus cpus) {
        this.machine = requireNonNull(machine, "machine is null");
        this.devices = machine.systemDevices();
        this.cpus = requireNonNull(cpus, "cpus is null");
    }

    Outcome execute(String command, ObjectNode arguments) {
        return switch (command) {
            case "query-hotpluggable-cpus" -> noArguments(arguments, cpus.hotpluggableCpus());
            case "query-cpus-fast" -> noArguments(arguments, cpus.cpusFast());
            case "query-acpi-ospm-status" -> noArguments(arguments, cpus.ospmStatus());
            case "query-status" -> noArguments(arguments, status());
            case "quit" -> {
                noArguments(arguments, null);
                yield new Outcome(Map.of(), () -> { }, true);
            }
            case "device_add" -> deviceAdd(arguments);
            case "device_del" -> deviceDel(arguments);
            case "x-sysfs-read" -> Outcome.of(sysfs(() -> machine.read(string(arguments, "path", true)), arguments));
            case "x-sysfs-write" -> {
                String path = string(arguments, "path", true);
                String value = string(arguments, "value", true);
                unexpected(arguments, Set.of("path", "value"));
                sysfs(() -> {
                    machine.write(path, value);
                    return null;
                }, arguments);
                yield Outcome.of(Map.of());
            }
            case "x-hotplug-fault" -> fault(arguments);
            case "qom-list" -> qomList(arguments);
            case "qom-get" -> qomGet(arguments);
            case "device-list-properties" -> deviceListProperties(arguments);
            default -> throw new QmpError(QmpError.COMMAND_NOT_FOUND, "The command " + command + " has not been found");
        };
    }

    private static Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", true);
        status.put("singlestep", false);
        status.put("status", "running");
        return status;
    }

    private static Outcome noArguments(ObjectNode arguments, Object value) {
        unexpected(arguments, Set.of());
        return Outcome.of(value);
    }

    private static void unexpected(ObjectNode arguments, Set<String> allowed) {
        Iterator<String> names = arguments.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw QmpError.generic("Parameter '" + name + "' is unexpected");
            }
        }
    }

    private static String string(ObjectNode arguments, String name, boolean required) {
        JsonNode node = arguments.get(name);
        if (node == null) {
            if (required) {
                throw QmpError.generic("Parameter '" + name + "' is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw QmpError.generic("Invalid parameter type for '" + name + "', expected: string");
        }
        return node.asText();
    }

    /** In QEMU 7.2's order: options (id), driver, model, id clash, properties, then the CPU pre-plug checks. */
    private Outcome deviceAdd(ObjectNode arguments) {
        String id = string(arguments, "id", false);
        if (id != null && !wellFormed(id)) {
            throw QmpError.generic("Parameter 'id' expects an identifier");
        }
        String driver = string(arguments, "driver", true);
        boolean cpuModel = driver.endsWith(cpus.type().substring(cpus.type().indexOf('-')));
        if (!driver.equals(cpus.type()) && !cpuModel) {
            throw QmpError.generic("'" + driver + "' is not a valid device model name");
        }
        if (id != null && cpus.find(id) != null) {
            throw QmpError.generic("Duplicate device ID '" + id + "'");
        }
        Map<String, Integer> props = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("driver") || name.equals("id")) {
                continue;
            }
            if (!CPU_PROPERTIES.contains(name)) {
                throw QmpError.generic("Property '" + driver + "." + name + "' not found");
            }
            if (!field.getValue().isIntegralNumber() || !field.getValue().canConvertToInt()) {
                throw QmpError.generic("Invalid parameter type for '" + name + "', expected: integer");
            }
            props.put(name, field.getValue().asInt());
        }
        if (!driver.equals(cpus.type())) {
            throw QmpError.generic("Invalid CPU type, expected cpu type: '" + cpus.type() + "'");
        }
        SmpOption smp = cpus.smp();
        int socket = topologyId(props, "socket", smp.sockets());
        int die = props.getOrDefault("die-id", 0);
        if (die != 0) {
            throw QmpError.generic(die < 0 ? "CPU die-id is not set" : "Invalid CPU die-id: " + die + " must be in range 0:0");
        }
        int core = topologyId(props, "core", smp.cores());
        int thread = topologyId(props, "thread", smp.threads());
        int slot = (socket * smp.cores() + core) * smp.threads() + thread;
        if (cpus.device(slot) != null) {
            throw QmpError.generic("CPU[" + slot + "] with APIC ID " + slot + " exists");
        }
        cpus.plug(slot, id);
        return new Outcome(Map.of(), () -> devices.insert(slot), false);
    }

    private static int topologyId(Map<String, Integer> props, String name, int count) {
        Integer value = props.get(name + "-id");
        if (value == null || value < 0) {
            throw QmpError.generic("CPU " + name + "-id is not set");
        }
        if (value > count - 1) {
            throw QmpError.generic("Invalid CPU " + name + "-id: " + value + " must be in range 0:" + (count - 1));
        }
        return value;
    }

    /** QEMU's {@code id_wellformed}: a letter, then letters, digits, '-', '.', '_'. */
    private static boolean wellFormed(String id) {
        return id.matches("[A-Za-z][A-Za-z0-9._-]*");
    }

    private Outcome deviceDel(ObjectNode arguments) {
        String id = string(arguments, "id", true);
        unexpected(arguments, Set.of("id"));
        VirtualCpus.Device device = cpus.find(id);
        if (device == null) {
            throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + id + "' not found");
        }
        if (device.slot() == 0) {
            throw QmpError.generic("Boot CPU is unpluggable");
        }
        return new Outcome(Map.of(), () -> devices.requestEject(device.slot()), false);
    }

    private Outcome fault(ObjectNode arguments) {
        String name = string(arguments, "fault", true);
        unexpected(arguments, Set.of("fault", "slot", "enable"));
        JsonNode enable = arguments.get("enable");
        JsonNode slot = arguments.get("slot");
        SysdevFaults faults = devices.faults();
        if (name.equals("none")) {
            faults.clearAll();
            return Outcome.of(Map.of());
        }
        SysdevFault fault = SysdevFault.parse(name).orElseThrow(() -> QmpError.generic("Parameter 'fault' does not accept value '" + name + "'"));
        if (enable != null && !enable.asBoolean(true)) {
            faults.clear(fault);
            return Outcome.of(Map.of());
        }
        if (slot != null && (!slot.canConvertToInt() || slot.asInt() < 0 || slot.asInt() >= cpus.smp().maxCpus())) {
            throw QmpError.generic("Parameter 'slot' expects a slot number 0-" + (cpus.smp().maxCpus() - 1));
        }
        faults.arm(fault, slot == null ? SysdevFaults.ALL : slot.asInt());
        return Outcome.of(Map.of());
    }

    private Outcome qomList(ObjectNode arguments) {
        String path = string(arguments, "path", true);
        unexpected(arguments, Set.of("path"));
        if (!path.equals("/machine/peripheral") && !path.equals("/machine/peripheral-anon")) {
            throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + path + "' not found");
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        out.add(property("type", "string"));
        for (VirtualCpus.Device device : cpus.children(path)) {
            out.add(property(device.qomPath().substring(path.length() + 1), "child<" + cpus.type() + ">"));
        }
        return Outcome.of(out);
    }

    private static Map<String, Object> property(String name, String type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("type", type);
        return entry;
    }

    private Outcome qomGet(ObjectNode arguments) {
        String path = string(arguments, "path", true);
        String name = string(arguments, "property", true);
        unexpected(arguments, Set.of("path", "property"));
        VirtualCpus.Device device = path.startsWith("/") ? cpus.find(path) : null;
        if (device == null) {
            throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + path + "' not found");
        }
        int slot = device.slot();
        SmpOption smp = cpus.smp();
        Object value = switch (name) {
            case "realized", "hotpluggable" -> true;
            case "hotplugged" -> device.hotplugged();
            case "start-powered-off" -> false;
            case "apic-id" -> slot;
            case "socket-id" -> smp.socketOf(slot);
            case "die-id" -> 0;
            case "core-id" -> smp.coreOf(slot);
            case "thread-id" -> smp.threadOf(slot);
            case "type" -> cpus.type();
            default -> throw QmpError.generic("Property '" + cpus.type() + "." + name + "' not found");
        };
        return Outcome.of(value);
    }

    private Outcome deviceListProperties(ObjectNode arguments) {
        String typename = string(arguments, "typename", true);
        unexpected(arguments, Set.of("typename"));
        java.io.InputStream in = typename.equals(cpus.type()) ? QmpCommands.class.getResourceAsStream(typename + ".properties.json") : null;
        if (in == null) {
            throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Class '" + typename + "' not found");
        }
        try (in) {
            Map<?, ?> recorded = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, LinkedHashMap.class);
            return Outcome.of(recorded.get("return"));
        } catch (java.io.IOException e) {
            throw QmpError.generic("reading the property list of " + typename + ": " + e.getMessage());
        }
    }

    private interface SysfsCall {
        Object call();
    }

    /** Runs a guest file operation; the kernel's errno becomes a GenericError naming the file. */
    private static Object sysfs(SysfsCall call, ObjectNode arguments) {
        try {
            return call.call();
        } catch (HotplugException e) {
            String path = arguments.path("path").asText();
            throw QmpError.generic(path + ": " + e.errno().text() + " (" + e.errno().name() + ", errno " + e.errno().number() + ")");
        }
    }

    /** The commands this server knows, for the README and help. */
    static List<String> names() {
        return List.of("qmp_capabilities", "query-hotpluggable-cpus", "device_add", "device_del", "query-cpus-fast",
                "query-acpi-ospm-status", "query-status", "quit", "qom-list", "qom-get", "device-list-properties", "x-sysfs-read", "x-sysfs-write", "x-hotplug-fault");
    }
}
