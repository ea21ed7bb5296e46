package org.hotplugemu.distribution.qmp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.core.sysdev.FirmwareListener;

/**
 * QEMU's side of the vCPUs: one slot per possible CPU (slot = {@code cpu-index} = APIC ID in the
 * default topology = the guest's CPU number), the device plugged in each, and the ACPI OSPM status
 * the guest last reported per slot. Firmware calls from the guest arrive as a
 * {@link FirmwareListener} and become QMP events.
 */
final class VirtualCpus implements FirmwareListener {
    /** A realized vCPU device. */
    record Device(int slot, String id, String qomPath, long threadId) {
        /** Whether {@code device_add} created it (cold-plugged CPUs are unattached). */
        boolean hotplugged() {
            return !qomPath.startsWith("/machine/unattached/");
        }
    }

    /** Receives the events QEMU would send. */
    interface EventSink {
        void event(String name, Map<String, Object> data);
    }

    private final SmpOption smp;
    private final String type;
    private final String target;
    private final Device[] devices;
    private final int[] ostSource;
    private final int[] ostStatus;
    /** Realized CPUs in creation order, as QEMU's CPU list keeps them. */
    private final List<Device> cpuList = new ArrayList<>();
    private final long threadIdBase;
    private long nextThread;
    private int nextAnonymous;
    private volatile EventSink sink = (name, data) -> { };

    VirtualCpus(SmpOption smp, String type, String target) {
        this.smp = requireNonNull(smp, "smp is null");
        this.type = requireNonNull(type, "type is null");
        this.target = requireNonNull(target, "target is null");
        this.devices = new Device[smp.maxCpus()];
        this.ostSource = new int[smp.maxCpus()];
        this.ostStatus = new int[smp.maxCpus()];
        this.threadIdBase = ProcessHandle.current().pid() + 1;
        for (int slot = 0; slot < smp.cpus(); slot++) {
            // QEMU's q35 board creates one other unattached object between the first and second CPU.
            Device device = new Device(slot, null, "/machine/unattached/device[" + (slot == 0 ? 0 : slot + 1) + "]", threadIdBase + nextThread++);
            devices[slot] = device;
            cpuList.add(device);
        }
    }

    void setSink(EventSink sink) {
        this.sink = requireNonNull(sink, "sink is null");
    }

    String type() {
        return type;
    }

    SmpOption smp() {
        return smp;
    }

    synchronized Device device(int slot) {
        return devices[slot];
    }

    /** Finds a device by id, or by its QOM path when {@code name} starts with {@code /}. */
    synchronized Device find(String name) {
        for (Device device : devices) {
            if (device != null && (name.startsWith("/") ? device.qomPath.equals(name) : name.equals(device.id))) {
                return device;
            }
        }
        return null;
    }

    /** Returns the devices under a QOM container such as {@code /machine/peripheral}, oldest first. */
    synchronized List<Device> children(String container) {
        return cpuList.stream().filter(device -> device.qomPath.startsWith(container + "/")
                && device.qomPath.indexOf('/', container.length() + 1) < 0).toList();
    }

    synchronized Device plug(int slot, String id) {
        String path = id != null ? "/machine/peripheral/" + id : "/machine/peripheral-anon/device[" + nextAnonymous++ + "]";
        Device device = new Device(slot, id, path, threadIdBase + nextThread++);
        devices[slot] = device;
        cpuList.add(device);
        return device;
    }

    synchronized List<Map<String, Object>> hotpluggableCpus() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int slot = devices.length - 1; slot >= 0; slot--) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", type);
            entry.put("vcpus-count", 1);
            entry.put("props", props(slot));
            if (devices[slot] != null) {
                entry.put("qom-path", devices[slot].qomPath);
            }
            out.add(entry);
        }
        return out;
    }

    synchronized List<Map<String, Object>> cpusFast() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Device device : cpuList) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cpu-index", device.slot);
            entry.put("qom-path", device.qomPath);
            entry.put("thread-id", device.threadId);
            entry.put("props", props(device.slot));
            entry.put("target", target);
            out.add(entry);
        }
        return out;
    }

    synchronized List<Map<String, Object>> ospmStatus() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int slot = 0; slot < devices.length; slot++) {
            out.add(ostInfo(slot));
        }
        return out;
    }

    Map<String, Object> props(int slot) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("socket-id", smp.socketOf(slot));
        props.put("core-id", smp.coreOf(slot));
        props.put("thread-id", smp.threadOf(slot));
        return props;
    }

    private Map<String, Object> ostInfo(int slot) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (devices[slot] != null && devices[slot].id != null) {
            info.put("device", devices[slot].id);
        }
        info.put("slot", Integer.toString(slot));
        info.put("slot-type", "CPU");
        info.put("source", ostSource[slot]);
        info.put("status", ostStatus[slot]);
        return info;
    }

    @Override
    public void ost(int cpu, int event, int status) {
        Map<String, Object> info;
        synchronized (this) {
            ostSource[cpu] = event;
            ostStatus[cpu] = status;
            info = ostInfo(cpu);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("info", info);
        sink.event("ACPI_DEVICE_OST", data);
    }

    @Override
    public void ejected(int cpu) {
        Device device;
        synchronized (this) {
            device = devices[cpu];
            devices[cpu] = null;
            cpuList.remove(device);
        }
        if (device == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (target.equals("x86_64")) {
            // QEMU 7.2 reports the x86 CPU's lapic child only, without a device id.
            data.put("path", device.qomPath + "/lapic");
        } else {
            if (device.id != null) {
                data.put("device", device.id);
            }
            data.put("path", device.qomPath);
        }
        sink.event("DEVICE_DELETED", data);
    }
}
