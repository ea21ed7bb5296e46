package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.hotplugemu.api.sched.Scheduler;

/**
 * The low-level, architecture-specific half of CPU hotplug for one emulated machine: how a CPU is
 * identified, woken, stopped and confirmed dead. The core's state machine calls it; everything
 * generic (the state table, callbacks, completions, alive and dead synchronisation, masks) stays in
 * the core; the backend declares only how long those waits last and what they log
 * ({@link #bringupWaits}).
 *
 * <p>Threading: {@link #smpPrepareCpus}, {@link #bootSecondary}, {@link #cpuDie} and
 * {@link #smpCpusDone} run on the control thread; {@link #cpuDisable} runs on the dying CPU in
 * atomic context (it must not block). The backend runs each secondary CPU's code on an emulated
 * thread it spawns with {@link ArchContext#scheduler()}, bound to that CPU and named
 * {@code swapper/N}; see {@link SecondaryStart} for what that thread does.
 *
 * <p>Costs: protocol delays ({@code udelay}, firmware latency, the AP's own init) are spent with
 * {@code Scheduler.delay} or {@code Scheduler.sleep}, so emulated boot time means something.
 */
@API(status = STABLE, since = "0.1")
public interface Architecture {
    /** Returns the backend's name as {@code --arch} takes it, e.g. {@code x86}. */
    String name();

    /** Returns the state-table profile used when the user names none, e.g. {@code linux-6.1-x86_64}. */
    String defaultProfile();

    /** Returns the topology of every possible CPU, indexed by logical CPU number, CPU 0 first. */
    List<CpuTopology> topology();

    /** Returns the kernel command-line parameters this backend reads, e.g. {@code cpu_init_udelay}. */
    default Set<String> kernelParameters() {
        return Set.of();
    }

    /**
     * Returns whether {@code cpu} can be taken offline at all. The core gives CPUs that cannot no
     * {@code online} file, as the kernel does (x86's boot CPU, arm64 spin-table CPUs).
     */
    boolean isHotpluggable(int cpu);

    /** Returns whether APs may be kicked all at once and finish bringup later (parallel bringup). */
    boolean supportsParallelBringup();

    /**
     * Returns whether SMT control is implemented ({@code CONFIG_HOTPLUG_SMT}); when not,
     * {@code smt/control} reads {@code notimplemented}.
     */
    default boolean smtControlImplemented() {
        return false;
    }

    /**
     * Returns whether every SMT sibling must be booted once even under {@code nosmt} (x86: so that
     * machine-check broadcasts do not hit a CPU still in wait-for-SIPI); such siblings come up and
     * go back offline with ECANCELED.
     */
    default boolean siblingsMustBootOnce() {
        return false;
    }

    /**
     * Runs once on the boot CPU first thing at boot, before the kernel's {@code Linux version}
     * banner ({@code smp_setup_processor_id}); logs what that logs, e.g. arm64's
     * {@code Booting Linux on physical CPU}. Since 0.2.
     */
    default void smpSetupProcessorId() {
    }

    /**
     * Runs once on the boot CPU after the banner and before {@code Kernel command line:}
     * ({@code setup_arch} and {@code smp_prepare_boot_cpu}); logs what those log (x86's
     * {@code Command line:} and CPU enumeration, arm64's PSCI probe). {@code kernel} is the
     * version the machine's profile emulates: a backend whose messages differ between versions
     * keeps it and prints that kernel's from now on; before this call it prints its default
     * profile's. Since 0.2.
     */
    default void setupArch(KernelVersion kernel) {
    }

    /**
     * Returns what {@code dump_stack} prints after {@code Hardware name:} (the DMI product or the
     * device tree model), or an empty string to print no such line. Since 0.2.
     */
    default String hardwareName() {
        return "";
    }

    /**
     * Returns the call-trace lines of {@code dump_stack} as this architecture's {@code show_stack}
     * prints them, for {@code frames} (the emulated functions, innermost first, from the splat's
     * own function outwards); the backend adds its unwinder's frames and markers. The default is
     * x86's shape. Since 0.2.
     */
    default List<String> callTrace(List<String> frames) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Call Trace:");
        lines.add(" <TASK>");
        lines.add(" dump_stack_lvl");
        frames.forEach(frame -> lines.add(" " + frame));
        lines.add(" </TASK>");
        return lines;
    }

    /** Runs once on the boot CPU before any secondary CPU is brought up ({@code smp_prepare_cpus}). */
    default void smpPrepareCpus() {
    }

    /**
     * Runs once on the control thread when the boot CPU becomes idle ({@code cpu_startup_entry} at
     * the end of {@code rest_init}): the boot CPU's code from now on runs on a hardware thread the
     * backend owns, as a secondary's does. The backend spawns, with {@code scheduler}, a thread named
     * {@code swapper/N} bound to {@code start.cpu()} that calls {@code start.cpuStartupEntry()} and,
     * when that returns (the boot CPU was taken offline), the backend's {@code play_dead}. The boot
     * CPU is then off like any secondary and {@link #bootSecondary} brings it back.
     *
     * <p>The default spawns the thread with no {@code play_dead}: enough for a backend whose CPUs
     * need nothing to stop. {@code start.online()} must not be called: the boot CPU is already online.
     */
    default void startBootCpuIdle(SecondaryStart start, Scheduler scheduler) {
        scheduler.spawn("swapper/" + start.cpu(), start.cpu(), start::cpuStartupEntry);
    }

    /**
     * Wakes {@code cpu} so that it starts running kernel code, which must end in
     * {@code start.online()} and {@code start.cpuStartupEntry()} on the CPU's own hardware thread
     * ({@code __cpu_up}; in parallel bringup, {@code arch_cpuhp_kick_ap_alive}). Returns once the
     * wakeup protocol is done (IPIs sent, firmware answered); it must not wait for the CPU to report
     * alive. The core does that after this returns, for {@link #bringupWaits}'s {@code alive}
     * duration, logging its {@code aliveMessage} when the CPU is late; it then refuses the late
     * CPU's {@code start.online()} (the CPU stays offline and may be brought up again later). When
     * this throws, the core likewise refuses any {@code start.online()} of that kick.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException when the wakeup fails (EIO for a delivery error, EINVAL or EPERM
     *         for a firmware refusal), leaving the CPU off
     */
    void bootSecondary(int cpu, SecondaryStart start);

    /**
     * Runs on the dying CPU with interrupts off, inside {@code take_cpu_down}, before its DYING
     * callbacks ({@code __cpu_disable}). Throwing aborts the offline and the CPU stays online.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException e.g. ENOSPC when interrupt vectors run out, EOPNOTSUPP when the
     *         enable method cannot stop a CPU
     */
    void cpuDisable(int cpu);

    /**
     * Runs on the control thread after the dying CPU reported itself dead (from {@code play_dead}
     * when {@link #reportsDeadFromPlayDead}), or after the core gave up waiting for the backend's
     * dead wait ({@code reportedDead == false}): confirm the CPU is really off (PSCI
     * {@code AFFINITY_INFO}) and log what the kernel logs. Problems are logged, never thrown: the
     * CPU is offline for the kernel either way.
     */
    void cpuDie(int cpu, boolean reportedDead);

    /**
     * Returns how long the core waits for a CPU to report alive and dead under the kernel
     * {@code kernel} (e.g. {@code 6.1}) of the state-table profile {@code profile}, and what it logs
     * when a wait runs out. The default is the generic 6.5+ {@code kernel/cpu.c} waits
     * ({@link BringupWaits#KERNEL}); e.g. RISC-V returns 1000 ms and
     * {@code "CPU%u: failed to come online"}, and under 6.1 a 5 s dead wait with
     * {@code "CPU %u: didn't die"}. Called once per machine, on the control thread.
     */
    default BringupWaits bringupWaits(String profile, String kernel) {
        return BringupWaits.KERNEL;
    }

    /**
     * Returns whether the dying CPU's {@code play_dead} tells the core when it is done, by calling
     * {@link SecondaryStart#reportDead()} after its last action ({@code CONFIG_HOTPLUG_CORE_SYNC_DEAD}:
     * {@code cpuhp_ap_report_dead}). Then {@link #cpuDie} runs only after that report (or after the
     * dead wait ran out, with {@code reportedDead == false}), so its check of the CPU's power state
     * never races the CPU's own stop. When false (the default), the core counts the CPU dead as soon
     * as {@code cpuStartupEntry()} returns, and {@code cpuDie} may run while {@code play_dead} still
     * runs.
     */
    default boolean reportsDeadFromPlayDead() {
        return false;
    }

    /** Runs once on the boot CPU after boot brought the secondary CPUs up ({@code smp_cpus_done}). */
    default void smpCpusDone(int onlineCpus) {
    }

    /**
     * Returns the firmware's answers for CPU hot-plug ({@code _STA}, power-on); the default is x86's
     * ACPI processor hot-plug.
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default HotplugFirmware hotplugFirmware() {
        return HotplugFirmware.ACPI_PROCESSOR;
    }
}
