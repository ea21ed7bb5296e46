package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelBool;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.state.Hotplug;
import org.hotplugemu.core.sysfs.KernelParse;
import org.hotplugemu.core.sysfs.VirtualFs;
import org.hotplugemu.api.trace.Tracer;

/**
 * System device hot-plug of one machine: the handler registry, the single request queue with the
 * device hot-plug lock, CPUs, node 0 and memory blocks as devices, uevents, the firmware side
 * (ACPI processor hot-plug through {@link Architecture#hotplugFirmware()}) and its faults.
 *
 * <p>The public methods are called from ordinary Java code (a VMM front end such as the QMP server,
 * tests) and run their work on the machine's engine. Under {@code /sys/kernel/debug/hotplug-emu/sysdev/}
 * the same operations are files: {@code insert} and {@code eject} take a CPU number, {@code fault}
 * takes {@code NAME CPU|all} or {@code none}, {@code auto_online} 0 or 1, and {@code uevents} reads
 * the uevent log.
 *
 * <p>Experimental.
 */
public final class SystemDevices {
    public static final String DEBUG_DIR = "/sys/kernel/debug/hotplug-emu/sysdev/";
    private static final int MEMORY_BLOCKS = 4;

    private final Engine engine;
    private final Hotplug hotplug;
    private final HandlerRegistry registry = new HandlerRegistry();
    private final HotplugQueue queue;
    private final HotplugSequencer sequencer;
    private final Uevents uevents;
    private final SysdevFaults faults = new SysdevFaults();
    private final FirmwareSlots slots;
    private final CpuDevices cpus;
    private final MemoryBlocks memory;
    private final AcpiProcessorHotplug acpi;
    private volatile boolean autoOnline;

    public SystemDevices(Engine engine, Hotplug hotplug, Architecture arch, KernelLog log, Tracer tracer) {
        this.engine = requireNonNull(engine, "engine is null");
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.queue = new HotplugQueue(engine);
        this.sequencer = new HotplugSequencer(registry, log, faults);
        this.uevents = new Uevents(tracer);
        this.slots = new FirmwareSlots(hotplug.nrCpus());
        this.cpus = new CpuDevices(hotplug, arch, log, uevents, queue, faults, slots);
        this.memory = new MemoryBlocks(MEMORY_BLOCKS, uevents, queue);
        this.acpi = new AcpiProcessorHotplug(arch.hotplugFirmware(), slots, queue, sequencer, faults, log);
        acpi.registerHandlers(registry);
        memory.registerHandlers(registry);
        cpus.registerHandlers(registry);
    }

    /** Before boot: only CPUs 0 to {@code count - 1} are present; the other slots are empty. */
    public void presentAtBoot(int count) {
        cpus.presentAtBoot(count);
    }

    /** Adds the device files: {@code cpuN/} visibility, locked {@code online}, node, memory and debug files. */
    public void install(VirtualFs fs) {
        cpus.install(fs);
        memory.install(fs);
        new NodeDevices(hotplug.masks().online(), hotplug.masks().present(), memory, hotplug.nrCpus()).install(fs);
        fs.add(DEBUG_DIR + "insert", VirtualFile.readWrite(() -> "", value -> insertAndNotify(KernelParse.parseInt(value))));
        fs.add(DEBUG_DIR + "eject", VirtualFile.readWrite(() -> "", value -> acpi.ejectRequest(checkSlot(KernelParse.parseInt(value)))));
        fs.add(DEBUG_DIR + "fault", VirtualFile.readWrite(faults::render, this::writeFault));
        fs.add(DEBUG_DIR + "fail_handler", VirtualFile.readWrite(() -> faults.armedHandler() + "\n", this::writeFailHandler));
        fs.add(DEBUG_DIR + "auto_online", VirtualFile.readWrite(() -> (autoOnline ? "1" : "0") + "\n",
                value -> autoOnline = KernelBool.parse(value)));
        fs.add(DEBUG_DIR + "uevents", VirtualFile.readOnly(uevents::render));
        fs.add("/sys/firmware/acpi/hotplug/processor/enabled", VirtualFile.readWrite(() -> (acpi.ejectEnabled() ? "1" : "0") + "\n",
                value -> acpi.setEjectEnabled(KernelBool.parse(value))));
    }

    /** Plugin and test handlers register here. */
    public HandlerRegistry handlers() {
        return registry;
    }

    /**
     * The registry as the driver API shows it ({@link org.hotplugemu.api.driver.DriverContext#systemDevices()}),
     * registering handlers as {@code owner}'s; the driver host keeps a driver to its own names.
     */
    public org.hotplugemu.api.driver.SystemDeviceHandlers driverHandlers(org.hotplugemu.core.sysfs.Owner owner) {
        return new DriverHandlers(registry, owner);
    }

    public HotplugQueue queue() {
        return queue;
    }

    public Uevents uevents() {
        return uevents;
    }

    public SysdevFaults faults() {
        return faults;
    }

    /** Whether a hot-added CPU is onlined right away, as a udev rule {@code SUBSYSTEM=="cpu", ACTION=="add"} would. */
    public void setAutoOnline(boolean autoOnline) {
        this.autoOnline = autoOnline;
    }

    public void setListener(FirmwareListener listener) {
        acpi.setListener(listener);
    }

    /** Returns whether the slot of {@code cpu} holds a vCPU (the hypervisor's view). */
    public boolean inserted(int cpu) {
        return slots.inserted(cpu);
    }

    /** The hypervisor fills or empties the slot of {@code cpu} without telling the guest (for requests submitted directly). */
    public void setInserted(int cpu, boolean inserted) {
        slots.setInserted(checkSlot(cpu), inserted);
    }

    /** Returns whether the guest has {@code cpu} registered ({@code cpuN/} exists, present). */
    public boolean registered(int cpu) {
        return cpus.registered(cpu);
    }

    /** The hypervisor inserts a vCPU into the slot of {@code cpu} and notifies the guest (device check). */
    public HotplugRequest insert(int cpu) {
        return engine.execute("kacpi_notify", notifyCpu(), () -> insertAndNotify(cpu));
    }

    /** The hypervisor asks the guest to eject {@code cpu} (eject request). */
    public HotplugRequest requestEject(int cpu) {
        checkSlot(cpu);
        return engine.execute("kacpi_notify", notifyCpu(), () -> acpi.ejectRequest(cpu));
    }

    /** Queues {@code request} on the single hot-plug queue and waits for it; {@link HotplugRequest#failure()} tells how it went. */
    public HotplugRequest submit(HotplugRequest request) {
        engine.execute("sysdev", notifyCpu(), () -> queue.queue("sysdev_request", () -> sequencer.run(request)).done().await());
        return request;
    }

    /** Like {@link #submit} but from an emulated thread. */
    public HotplugRequest submitFromEmulated(HotplugRequest request) {
        queue.queue("sysdev_request", () -> sequencer.run(request)).done().await();
        return request;
    }

    /** The SCI is handled on an online CPU; the boot CPU may be offline. */
    private int notifyCpu() {
        int cpu = hotplug.masks().online().first();
        return cpu < 0 ? 0 : cpu;
    }

    private HotplugRequest insertAndNotify(int cpu) {
        checkSlot(cpu);
        slots.setInserted(cpu, true);
        HotplugRequest request = acpi.deviceCheck(cpu);
        if (autoOnline && request.failure() == null && cpus.registered(cpu)) {
            try {
                cpus.onlineStore(cpu, true);
            }
            catch (HotplugException e) {
                // udev's write failed; the CPU stays offline, as with a real rule.
            }
        }
        return request;
    }

    private int checkSlot(int cpu) {
        if (cpu < 0 || cpu >= slots.size()) {
            throw new HotplugException(Errno.EINVAL, "CPU slot " + cpu + " does not exist (0-" + (slots.size() - 1) + ")");
        }
        return cpu;
    }

    /** {@code fail_handler}: {@code add|delete validate|execute|commit NAME} arms one handler's failure, {@code -1} disarms. */
    private void writeFailHandler(String value) {
        String[] words = value.strip().split("\\s+");
        if (words.length == 1 && words[0].equals("-1")) {
            faults.clearHandler();
            return;
        }
        HotplugOperation operation = words.length == 3 ? parseEnum(HotplugOperation.class, words[0]) : null;
        HotplugPhase phase = words.length == 3 ? parseEnum(HotplugPhase.class, words[1]) : null;
        if (operation == null || phase == null) {
            throw new HotplugException(Errno.EINVAL, "write add|delete validate|execute|commit HANDLER, or -1");
        }
        if (registry.handlers(operation, phase).stream().noneMatch(entry -> entry.name().equals(words[2]))) {
            throw new HotplugException(Errno.EINVAL, "no " + words[0] + " " + words[1] + " handler named '" + words[2] + "'");
        }
        faults.armHandler(operation, phase, words[2]);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String word) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(word)) {
                return value;
            }
        }
        return null;
    }

    private void writeFault(String value) {
        String[] words = value.strip().split("\\s+");
        if (words.length == 1 && words[0].equals("none")) {
            faults.clearAll();
            return;
        }
        SysdevFault fault = SysdevFault.parse(words[0]).orElseThrow(() -> new HotplugException(Errno.EINVAL,
                "unknown fault '" + words[0] + "': use ignore-eject, offline-fail, eject-fail, power-on-refused, duplicate-id or none"));
        if (words.length == 2 && words[1].equals("off")) {
            faults.clear(fault);
        } else if (words.length == 2) {
            faults.arm(fault, words[1].equals("all") ? SysdevFaults.ALL : checkSlot(KernelParse.parseInt(words[1])));
        } else {
            throw new HotplugException(Errno.EINVAL, "write NAME CPU, NAME all, NAME off or none");
        }
    }
}
