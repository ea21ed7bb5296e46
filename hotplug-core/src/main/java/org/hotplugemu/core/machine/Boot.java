package org.hotplugemu.core.machine;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.core.state.Hotplug;
import org.hotplugemu.core.state.SmtSwitch;

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
            new SmtSwitch(hotplug).disableAtBoot();
        }
        int maxCpus = (int) Math.min(commandLine.getLong("maxcpus", hotplug.nrCpus()), hotplug.nrCpus());
        log.info("smp: Bringing up secondary CPUs ...");
        boolean parallel = hotplug.profile().bpKickAp().isPresent() && arch.supportsParallelBringup()
                && commandLine.getBoolean("cpuhp.parallel", true);
        if (parallel) {
            bringUpParallel(maxCpus);
        }
        else {
            bringUp(IntStream.range(0, hotplug.nrCpus()).toArray(), hotplug.profile().online(), maxCpus);
        }
        int online = hotplug.masks().online().weight();
        log.info("smp: Brought up 1 node, " + online + " CPU" + (online > 1 ? "s" : ""));
        arch.smpCpusDone(online);
        hotplug.syncDeviceOnline();
    }

    private void bringUpParallel(int maxCpus) {
        int[] primaries = IntStream.range(0, hotplug.nrCpus()).filter(cpu -> arch.topology().get(cpu).primaryThread()).toArray();
        int[] siblings = IntStream.range(0, hotplug.nrCpus()).filter(cpu -> !arch.topology().get(cpu).primaryThread()).toArray();
        int kickAp = hotplug.profile().bpKickAp().orElseThrow();
        for (int[] group : new int[][] {primaries, siblings}) {
            bringUp(group, kickAp, maxCpus);
            bringUp(group, hotplug.profile().online(), maxCpus);
        }
    }

    /** {@code cpuhp_bringup_mask}: failures are cleaned back to offline and boot goes on. */
    private void bringUp(int[] cpus, int target, int maxCpus) {
        int budget = maxCpus - hotplug.masks().online().weight();
        for (int cpu : cpus) {
            if (budget <= 0) {
                return;
            }
            if (hotplug.masks().online().test(cpu) && target == hotplug.profile().online()) {
                continue;
            }
            budget--;
            try {
                hotplug.cpuUp(cpu, target);
            }
            catch (HotplugException e) {
                hotplug.cleanUpFailedBringup(cpu);
            }
            progress.accept(hotplug.masks().online().weight());
        }
    }
}
