package org.hotplugemu.arch.x86.smpboot;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.arch.x86.X86CostModel;
import org.hotplugemu.arch.x86.apic.LocalApic;

/**
 * What a secondary CPU runs after a start-up IPI, on its hardware thread {@code swapper/N}: the
 * real-mode trampoline under the trampoline lock, where it looks its own APIC id up in the kernel's
 * table ({@code STARTUP_READ_APICID}; an unknown id halts), its low-level init, then
 * {@link SecondaryStart#online()} (alive handshake and STARTING callbacks), the serial part of its
 * init, {@link SecondaryStart#cpuStartupEntry()}, and finally {@code mwait_play_dead}: the CPU halts,
 * still powered, and the thread ends. Only INIT followed by a SIPI starts it again.
 *
 * <p>The kernel hands the AP its work through {@code smpboot_control} and {@code initial_code};
 * here the control CPU {@link #prepare prepares} the CPU's {@link SecondaryStart} before waking it.
 * A CPU that an INIT reset while it was still in early init abandons the old start. The 6.1 serial
 * bringup passes the CPU number instead of the APIC id lookup; the result is the same here.
 * Experimental.
 */
public final class ApStartup {
    /** How an Intel family 6 CPU with MWAIT parks in {@code native_play_dead}. */
    public static final String PLAY_DEAD = "mwait_play_dead";
    public static final String HALT_UNKNOWN_APIC_ID = "hlt (APIC id not in the kernel's table)";
    public static final String HALT_NO_START = "hlt (no start prepared)";
    public static final String HALT_NEVER_ALIVE = "hlt (hung before reporting alive)";

    private final Scheduler scheduler;
    private final X86CostModel costs;
    private final LongFunction<Optional<Integer>> cpuOfApicId;
    private final IntPredicate neverAlive;
    private final Mutex trampolineLock;
    private final Map<Integer, SecondaryStart> prepared = new ConcurrentHashMap<>();

    /**
     * @param cpuOfApicId the kernel's APIC id to CPU number table
     * @param neverAlive the injected fault: returns true (once) when the CPU must hang before alive
     */
    public ApStartup(Scheduler scheduler, X86CostModel costs, LongFunction<Optional<Integer>> cpuOfApicId, IntPredicate neverAlive) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.costs = requireNonNull(costs, "costs is null");
        this.cpuOfApicId = requireNonNull(cpuOfApicId, "cpuOfApicId is null");
        this.neverAlive = requireNonNull(neverAlive, "neverAlive is null");
        this.trampolineLock = scheduler.newMutex("trampoline_lock");
    }

    /** Hands {@code start} to the CPU it names; its next start-up runs it. */
    public void prepare(SecondaryStart start) {
        prepared.put(start.cpu(), start);
    }

    /** Withdraws a start that the CPU never picked up (the wakeup failed). */
    public void cancel(int cpu) {
        prepared.remove(cpu);
    }

    /** Spawns {@code swapper/N} for a CPU whose APIC accepted a SIPI in life {@code generation}. */
    public void started(LocalApic apic, long startAddress, int generation) {
        scheduler.spawn("swapper/" + apic.cpu(), apic.cpu(), () -> run(apic, generation));
    }

    void run(LocalApic apic, int generation) {
        Optional<Integer> cpu;
        trampolineLock.lock();
        try {
            spend(costs.trampoline());
            cpu = cpuOfApicId.apply(apic.apicId());
        }
        finally {
            trampolineLock.unlock();
        }
        if (cpu.isEmpty()) {
            apic.halt(generation, HALT_UNKNOWN_APIC_ID);
            return;
        }
        SecondaryStart start = prepared.remove(cpu.get());
        if (start == null) {
            apic.halt(generation, HALT_NO_START);
            return;
        }
        spend(costs.apEarlyInit());
        if (!apic.isCurrent(generation)) {
            // INIT reset this CPU during its early init; a newer start owns it now.
            return;
        }
        if (neverAlive.test(cpu.get())) {
            apic.halt(generation, HALT_NEVER_ALIVE);
            return;
        }
        start.online();
        if (!costs.apPostRelease().isZero()) {
            scheduler.delay(costs.apPostRelease());
        }
        start.cpuStartupEntry();
        apic.halt(generation, PLAY_DEAD);
    }

    private void spend(Duration duration) {
        if (!duration.isZero()) {
            scheduler.sleep(duration);
        }
    }
}
