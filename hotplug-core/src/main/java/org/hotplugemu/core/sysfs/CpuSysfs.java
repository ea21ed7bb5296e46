package org.hotplugemu.core.sysfs;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.IntPredicate;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.CpuList;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.KernelBool;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.state.HotplugOperations;

/**
 * The files of {@code /sys/devices/system/cpu} with the kernel's read formats, write rules and
 * errnos ({@code drivers/base/cpu.c}, {@code kernel/cpu.c}).
 */
public final class CpuSysfs {
    public static final String ROOT = "/sys/devices/system/cpu";

    private final HotplugOperations hotplug;
    private final Architecture arch;
    private final CpuStores control;

    public CpuSysfs(HotplugOperations hotplug, Architecture arch, boolean stateControl) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.arch = requireNonNull(arch, "arch is null");
        this.control = new CpuStores(hotplug, stateControl);
    }

    public void install(VirtualFs fs) {
        var masks = hotplug.masks();
        fs.add(ROOT + "/hotplug/states", VirtualFile.readOnly(hotplug::renderStates));
        fs.add(ROOT + "/possible", VirtualFile.readOnly(() -> masks.possible().toCpuList() + "\n"));
        fs.add(ROOT + "/present", VirtualFile.readOnly(() -> masks.present().toCpuList() + "\n"));
        fs.add(ROOT + "/online", VirtualFile.readOnly(() -> masks.online().toCpuList() + "\n"));
        fs.add(ROOT + "/offline", VirtualFile.readOnly(() -> masks.offlineList() + "\n"));
        fs.add(ROOT + "/kernel_max", VirtualFile.readOnly(() -> (hotplug.profile().nrCpus() - 1) + "\n"));
        SmtStore smt = new SmtStore(hotplug, arch.topology());
        fs.add(ROOT + "/smt/control", VirtualFile.readWrite(() -> hotplug.smtControl().text() + "\n", smt::write));
        fs.add(ROOT + "/smt/active", VirtualFile.readOnly(() -> (smt.active() ? "1" : "0") + "\n"));
        List<CpuTopology> topology = arch.topology();
        for (int cpu = 0; cpu < hotplug.nrCpus(); cpu++) {
            installCpu(fs, cpu, topology);
        }
    }

    private void installCpu(VirtualFs fs, int cpu, List<CpuTopology> topology) {
        String dir = ROOT + "/cpu" + cpu;
        fs.add(dir + "/hotplug/state", VirtualFile.readOnly(() -> hotplug.state(cpu) + "\n"));
        fs.add(dir + "/hotplug/target", VirtualFile.readWrite(() -> hotplug.target(cpu) + "\n",
                value -> control.writeTarget(cpu, KernelParse.parseInt(value))));
        fs.add(dir + "/hotplug/fail", VirtualFile.readWrite(() -> hotplug.fail(cpu) + "\n",
                value -> control.writeFail(cpu, KernelParse.parseInt(value))));
        if (arch.isHotpluggable(cpu)) {
            fs.add(dir + "/online", VirtualFile.readWrite(() -> (hotplug.deviceOnline(cpu) ? "1" : "0") + "\n",
                    value -> hotplug.setDeviceOnline(cpu, KernelBool.parse(value))));
        }
        CpuTopology me = topology.get(cpu);
        // Once a driver owns base/topology:prepare, the directory follows it (topology_add_dev / topology_remove_dev).
        hotplug.profile().find("CPUHP_TOPOLOGY_PREPARE").ifPresent(step -> fs.setVisibility(dir + "/topology",
                () -> hotplug.stepName(step.number()) == null || hotplug.state(cpu) >= step.number()));
        fs.add(dir + "/topology/physical_package_id", VirtualFile.readOnly(() -> me.packageId() + "\n"));
        fs.add(dir + "/topology/core_id", VirtualFile.readOnly(() -> me.coreId() + "\n"));
        fs.add(dir + "/topology/thread_siblings_list", VirtualFile.readOnly(() -> list(topology,
                other -> other.packageId() == me.packageId() && other.coreId() == me.coreId())));
        fs.add(dir + "/topology/core_cpus_list", VirtualFile.readOnly(() -> list(topology,
                other -> other.packageId() == me.packageId() && other.coreId() == me.coreId())));
        fs.add(dir + "/topology/package_cpus_list", VirtualFile.readOnly(() -> list(topology,
                other -> other.packageId() == me.packageId())));
        fs.add(dir + "/topology/core_siblings_list", VirtualFile.readOnly(() -> list(topology,
                other -> other.packageId() == me.packageId())));
        // The same sets as bitmaps (%*pb), which lscpu reads to count threads, cores and sockets.
        fs.add(dir + "/topology/thread_siblings", VirtualFile.readOnly(() -> mask(topology,
                other -> other.packageId() == me.packageId() && other.coreId() == me.coreId())));
        fs.add(dir + "/topology/core_cpus", VirtualFile.readOnly(() -> mask(topology,
                other -> other.packageId() == me.packageId() && other.coreId() == me.coreId())));
        fs.add(dir + "/topology/package_cpus", VirtualFile.readOnly(() -> mask(topology,
                other -> other.packageId() == me.packageId())));
        fs.add(dir + "/topology/core_siblings", VirtualFile.readOnly(() -> mask(topology,
                other -> other.packageId() == me.packageId())));
    }

    /** Topology sibling lists show online CPUs only, like the kernel's. */
    private String list(List<CpuTopology> topology, java.util.function.Predicate<CpuTopology> sibling) {
        IntPredicate online = hotplug.masks().online()::test;
        return CpuList.of(topology.stream().filter(sibling).mapToInt(CpuTopology::cpu).filter(online)).format() + "\n";
    }

    /**
     * Formats the online siblings as the kernel's {@code bitmap_print_to_pagebuf} does for
     * nr_cpu_ids bits: 32-bit hex chunks, most significant first, separated by commas, the first
     * one as wide as its bits.
     */
    private String mask(List<CpuTopology> topology, java.util.function.Predicate<CpuTopology> sibling) {
        int bits = hotplug.nrCpus();
        java.util.BitSet set = new java.util.BitSet(bits);
        IntPredicate online = hotplug.masks().online()::test;
        topology.stream().filter(sibling).mapToInt(CpuTopology::cpu).filter(online).forEach(set::set);
        StringBuilder out = new StringBuilder();
        int chunk = bits % 32 == 0 ? 32 : bits % 32;
        for (int low = ((bits + 31) / 32 - 1) * 32; low >= 0; low -= 32) {
            long value = 0;
            for (int bit = 0; bit < chunk; bit++) {
                if (set.get(low + bit)) {
                    value |= 1L << bit;
                }
            }
            out.append(out.isEmpty() ? "" : ",").append(String.format("%0" + ((chunk + 3) / 4) + "x", value));
            chunk = 32;
        }
        return out.append('\n').toString();
    }
}
