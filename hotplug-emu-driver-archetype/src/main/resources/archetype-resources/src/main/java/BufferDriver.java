package ${package};

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.kernel.CpuSet;
import org.hotplugemu.api.kernel.VirtualFile;

/**
 * The {@value #NAME} driver: a per-CPU buffer set up when a CPU comes online and freed before it
 * goes down, from a dynamic {@code CPUHP_AP_ONLINE_DYN} state (as {@code cpuhp_setup_state(
 * CPUHP_AP_ONLINE_DYN, ...)} in a kernel driver). {@code /sys/kernel/debug/${driverName}/buffers}
 * lists the CPUs that hold one. {@link BufferDriverProvider} creates one for each machine, so
 * its fields belong to that machine alone.
 */
public final class BufferDriver implements HotplugDriver {
    /** The driver's name: {@code hotplug/states} shows its state as {@value #STATE_NAME}. */
    public static final String NAME = "${driverName}";
    /** The state's name in {@code /sys/devices/system/cpu/hotplug/states}. */
    public static final String STATE_NAME = NAME + ":online";
    /** The startup callback's symbol, as traces and the testkit's recorder name it. */
    public static final String ONLINE = NAME + "_online_cpu";
    /** The teardown callback's symbol. */
    public static final String OFFLINE = NAME + "_offline_cpu";
    /** Where the driver shows which CPUs hold a buffer. */
    public static final String DEBUGFS = "/sys/kernel/debug/" + NAME + "/buffers";
    private static final int BUFFER_BYTES = 4096;

    private AtomicReferenceArray<byte[]> buffers;
    private int state;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void register(DriverContext context) {
        CpuHotplug hotplug = context.hotplug();
        buffers = new AtomicReferenceArray<>(hotplug.nrCpuIds());
        // Declared before setupState, whose startups run inside it on every online CPU.
        PerCpuResource ledger = context.resources().track(NAME + "_buffer");
        state = hotplug.setupState(hotplug.state("CPUHP_AP_ONLINE_DYN"), STATE_NAME,
                Callback.of(ONLINE, cpu -> {
                    buffers.set(cpu, new byte[BUFFER_BYTES]);
                    ledger.acquire(cpu);
                }),
                Callback.of(OFFLINE, cpu -> {
                    buffers.set(cpu, null);
                    ledger.release(cpu);
                }));
        ledger.bind(state); // the slot setupState allocated
        context.files().add(DEBUGFS, VirtualFile.readOnly(() -> holders().toCpuList() + "\n"));
    }

    @Override
    public void unregister(DriverContext context) {
        context.files().remove(DEBUGFS);
        context.hotplug().removeState(state); // runs the teardown on every online CPU
    }

    /** Returns the CPUs that hold a buffer. */
    CpuSet holders() {
        return CpuSet.of(IntStream.range(0, buffers.length()).filter(cpu -> buffers.get(cpu) != null));
    }
}
