package ${package};

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.BringupWaits;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.arch.spi.SecondaryStart;

/**
 * A minimal but complete backend: how CPUs are numbered, woken, stopped and confirmed dead, and
 * which kernel's state table the machine runs. Everything generic (state table, callbacks, the
 * alive and dead waits, masks) stays in the emulator's core.
 */
final class MailboxArchitecture implements Architecture {
    /** {@code NAME.kernel=6.1} or {@code 6.12}: the kernel whose state table the machine runs. */
    static final String KERNEL_PARAMETER = ".kernel";
    /** What the boot CPU's mailbox write costs. */
    private static final Duration MAILBOX_WRITE = Duration.ofNanos(10_000);
    /** How long a released CPU takes to reach kernel code (its low-level init). */
    private static final Duration SECONDARY_ENTRY = Duration.ofNanos(50_000);

    private final String name;
    private final ArchContext context;
    private final Mailboxes mailboxes;

    MailboxArchitecture(String name, ArchContext context) {
        this.name = name;
        this.context = context;
        this.mailboxes = new Mailboxes(context.config().cpus());
        mailboxes.powerOn(0); // the boot CPU runs from reset
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kernelParameters() {
        return Set.of(name + KERNEL_PARAMETER);
    }

    /** The profile (state table) of the kernel chosen with {@code NAME.kernel=}, 6.12 by default. */
    @Override
    public String defaultProfile() {
        String kernel = context.config().commandLine().get(name + KERNEL_PARAMETER).orElse("6.12");
        return switch (kernel) {
            case "6.1" -> "linux-6.1-x86_64";
            case "6.12" -> "linux-6.12-x86_64";
            default -> throw new HotplugException(Errno.EINVAL,
                    name + KERNEL_PARAMETER + "=" + kernel + " is not a kernel this plugin has a state table for: use 6.1 or 6.12");
        };
    }

    /** One package; CPU n is thread n % smt of core n / smt, and its hardware id is n. */
    @Override
    public List<CpuTopology> topology() {
        int threads = context.config().threadsPerCore();
        List<CpuTopology> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < context.config().cpus(); cpu++) {
            cpus.add(new CpuTopology(cpu, cpu, 0, cpu / threads, cpu % threads));
        }
        return cpus;
    }

    /** The boot CPU has no mailbox to come back through, so it stays online (no {@code cpu0/online}). */
    @Override
    public boolean isHotpluggable(int cpu) {
        return cpu != 0;
    }

    @Override
    public boolean supportsParallelBringup() {
        return false;
    }

    /** The dying CPU clears its power status and only then tells the core it is dead. */
    @Override
    public boolean reportsDeadFromPlayDead() {
        return true;
    }

    /** The kernel's generic alive and dead waits; change them here when the firmware is slower. */
    @Override
    public BringupWaits bringupWaits(String profile, String kernel) {
        return BringupWaits.KERNEL;
    }

    /** Writes the CPU's mailbox; the CPU then runs on its own hardware thread. */
    @Override
    public void bootSecondary(int cpu, SecondaryStart start) {
        if (mailboxes.isOn(cpu)) {
            // The previous offline never saw this CPU stop: waking it again would run it twice.
            throw new HotplugException(Errno.EBUSY, "CPU" + cpu + " is still running");
        }
        context.scheduler().delay(MAILBOX_WRITE);
        context.scheduler().spawn("swapper/" + cpu, cpu, () -> {
            context.scheduler().delay(SECONDARY_ENTRY);
            mailboxes.powerOn(cpu);
            start.online();
            boolean accepted = context.masks().online().contains(cpu);
            start.cpuStartupEntry(); // returns once the CPU was taken down (at once when refused)
            playDead(start, accepted);
        });
    }

    /** The boot CPU's idle thread, with the same play_dead as a secondary's. */
    @Override
    public void startBootCpuIdle(SecondaryStart start, Scheduler scheduler) {
        scheduler.spawn("swapper/" + start.cpu(), start.cpu(), () -> {
            start.cpuStartupEntry();
            playDead(start, true);
        });
    }

    private void playDead(SecondaryStart start, boolean wasOnline) {
        mailboxes.powerOff(start.cpu());
        if (wasOnline) {
            start.reportDead();
        }
    }

    @Override
    public void cpuDisable(int cpu) {
        // Nothing to migrate: this machine has no per-CPU interrupt routing.
    }

    /** Confirms from the control CPU that the dying CPU's power status reads off. */
    @Override
    public void cpuDie(int cpu, boolean reportedDead) {
        if (mailboxes.isOn(cpu)) {
            context.log().error(name + ": CPU" + cpu + " did not power off");
        }
        else if (!reportedDead) {
            context.log().warn(name + ": CPU" + cpu + " powered off without reporting dead");
        }
    }
}
