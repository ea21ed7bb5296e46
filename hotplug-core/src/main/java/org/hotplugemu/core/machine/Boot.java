package org.hotplugemu.core.machine;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.core.state.Hotplug;

/**
 * {@code smp_init}: brings the secondary CPUs up after the drivers registered, serially or, when
 * the profile, the architecture and {@code cpuhp.parallel=} allow it, in parallel (kick every AP to
 * {@code CPUHP_BP_KICK_AP} first, primary SMT threads before their siblings).
 */
final class Boot {
    private final Hotplug hotplug;
    private final Architecture arch;
    private final KernelLog log;
    private final KernelCommandLine commandLine;
    private final IntConsumer progress;

    Boot(Hotplug hotplug, Architecture arch, KernelLog log, KernelCommandLine commandLine, IntConsumer progress) {
        this.hotplug = hotplug;
        this.arch = arch;
        this.log = log;
        this.commandLine = commandLine;
        this.progress = progress;
    }

    void bringUpSecondaries() {
        if (commandLine.has("nosmt")) {
            hotplug.disableSmtAtBoot();
        }
        int maxCpus = (int) Math.min(commandLine.getLong("maxcpus", hotplug.nrCpus()), hotplug.nrCpus());
        log.info("smp: Bringing up secondary CPUs ...");
        boolean parallel = hotplug.profile().bpKickAp().isPresent() && arch.supportsParallelBringup()
                && commandLine.getBoolean("cpuhp.parallel", true);
        if (parallel) {
            bringUpParallel(maxCpus);
        }
        else {
            bringUp(presentCpus(IntStream.range(0, hotplug.nrCpus())), hotplug.profile().online(), maxCpus);
        }
        int online = hotplug.masks().online().weight();
        log.info("smp: Brought up 1 node, " + online + " CPU" + (online > 1 ? "s" : ""));
        arch.smpCpusDone(online);
        hotplug.syncDeviceOnline();
    }

    /** for_each_present_cpu: empty hot-plug slots are not brought up. */
    private int[] presentCpus(IntStream cpus) {
        return cpus.filter(hotplug.masks().present()::test).toArray();
    }

    private void bringUpParallel(int maxCpus) {
        int[] primaries = presentCpus(IntStream.range(0, hotplug.nrCpus()).filter(cpu -> arch.topology().get(cpu).primaryThread()));
        int[] siblings = presentCpus(IntStream.range(0, hotplug.nrCpus()).filter(cpu -> !arch.topology().get(cpu).primaryThread()));
        int kickAp = hotplug.profile().bpKickAp().orElseThrow();
        int budget = maxCpus;
        for (int[] group : new int[][] {primaries, siblings}) {
            if (budget <= 0) {
                return;
            }
            bringUpMask(group, kickAp, budget);
            bringUpMask(group, hotplug.profile().online(), budget);
            budget = maxCpus - hotplug.masks().online().weight();
        }
    }

    /** {@code cpuhp_bringup_mask}: every CPU of the mask counts, online or not; failures are cleaned back to offline. */
    private void bringUpMask(int[] cpus, int target, int budget) {
        int left = budget;
        for (int cpu : cpus) {
            up(cpu, target);
            if (--left == 0) {
                return;
            }
        }
    }

    /** {@code bringup_nonboot_cpus}: serial, until {@code maxcpus} CPUs are online. */
    private void bringUp(int[] cpus, int target, int maxCpus) {
        for (int cpu : cpus) {
            if (hotplug.masks().online().weight() >= maxCpus) {
                return;
            }
            if (!hotplug.masks().online().test(cpu)) {
                up(cpu, target);
            }
        }
    }

    private void up(int cpu, int target) {
        try {
            hotplug.cpuUp(cpu, target);
        }
        catch (HotplugException e) {
            hotplug.cleanUpFailedBringup(cpu);
        }
        progress.accept(hotplug.masks().online().weight());
    }
}
