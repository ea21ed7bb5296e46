package org.hotplugemu.distribution.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.sysdev.HotplugRequest;
import org.hotplugemu.core.sysdev.SystemDevices;
import org.hotplugemu.core.sysdev.Uevents;

/**
 * The shell's side of what {@code serve} offers over QMP: {@code device_add SLOT} and
 * {@code device_del SLOT} play the hypervisor (fill a slot and notify the guest, request an eject),
 * {@code uevents} prints the uevent log. Faults are armed by writing to
 * {@code /sys/kernel/debug/hotplug-emu/sysdev/fault}; QMP's {@code x-sysfs-read}/{@code x-sysfs-write}
 * are {@code cat} and {@code echo}.
 */
final class HotplugBuiltins {
    private HotplugBuiltins() {
    }

    static Map<String, Builtin> commands() {
        Map<String, Builtin> commands = new LinkedHashMap<>();
        commands.put("device_add", new SlotCommand("device_add", "insert a vCPU into SLOT and notify the guest (device check)"));
        commands.put("device_del", new SlotCommand("device_del", "ask the guest to eject the vCPU in SLOT (eject request)"));
        commands.put("uevents", new UeventLog());
        return commands;
    }

    private record SlotCommand(String name, String what) implements Builtin {
        @Override
        public String usage() {
            return String.format("%-22s %s", name + " SLOT", what);
        }

        @Override
        public void validate(List<String> arguments) {
            if (arguments.size() != 1 || !arguments.get(0).matches("\\d+")) {
                throw new ScriptSyntaxException(name + ": takes one slot number, e.g. " + name + " 2");
            }
        }

        @Override
        public int run(List<String> arguments, CommandIo io) {
            int slot = Integer.parseInt(arguments.get(0));
            HotplugRequest request;
            try {
                SystemDevices devices = io.machine().systemDevices();
                request = name.equals("device_add") ? devices.insert(slot) : devices.requestEject(slot);
            } catch (HotplugException e) {
                io.err().println(name + ": " + e.getMessage());
                return 1;
            }
            if (request.journal().contains("ignored")) {
                io.err().println(name + ": the guest ignored the eject request");
                return 1;
            }
            if (request.journal().contains("eject disabled")) {
                io.err().println(name + ": the guest refused the eject (processor hot-plug disabled)");
                return 1;
            }
            if (request.failure() != null) {
                io.err().println(name + ": " + request.failure().errno().text() + " (" + request.failure().getMessage() + ")");
                return 1;
            }
            return 0;
        }
    }

    private static final class UeventLog implements Builtin {
        @Override
        public String usage() {
            return "uevents                print the uevents so far (ACTION, DEVPATH, SUBSYSTEM, SEQNUM)";
        }

        @Override
        public void validate(List<String> arguments) {
            if (!arguments.isEmpty()) {
                throw new ScriptSyntaxException("uevents: takes no arguments");
            }
        }

        @Override
        public int run(List<String> arguments, CommandIo io) {
            List<Uevents.Uevent> events;
            try {
                events = io.machine().systemDevices().uevents().all();
            } catch (HotplugException e) {
                io.err().println("uevents: " + e.getMessage());
                return 1;
            }
            for (Uevents.Uevent event : events) {
                event.environment().forEach(line -> io.out().append(line).append('\n'));
                io.out().append('\n');
            }
            return 0;
        }
    }
}
