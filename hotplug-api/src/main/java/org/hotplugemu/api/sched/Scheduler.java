package org.hotplugemu.api.sched;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The primitives the engine offers emulated code: threads bound to emulated CPUs, blocking
 * primitives, a clock and the atomic-context flag.
 *
 * <p>Emulated code must never block on raw Java synchronisation across emulated threads; it uses
 * these primitives, so that the deterministic {@code sim} engine can switch threads at each of
 * them and the {@code threads} engine can run the same code in parallel. Every method except
 * {@link #spawn} and {@link #nanoTime} must be called from an emulated thread; from any other
 * thread it fails with a {@link org.hotplugemu.api.kernel.HotplugException} ({@code EPERM}).
 */
@API(status = STABLE, since = "0.1")
public interface Scheduler {
    /** Returns the engine's name: {@code sim} or {@code threads}. */
    String engineName();

    /**
     * Creates and starts an emulated thread named {@code name} bound to {@code cpu} that runs
     * {@code body}. An exception escaping {@code body} is reported by the engine as a crash of that
     * thread and fails the operation that is running.
     */
    EmulatedThread spawn(String name, int cpu, Runnable body);

    /** Returns the calling emulated thread. */
    EmulatedThread current();

    /** Returns the CPU of the calling emulated thread ({@code smp_processor_id()}). */
    default int currentCpu() {
        return current().cpu();
    }

    /** Returns the engine clock in nanoseconds since boot: virtual under {@code sim}, monotonic under {@code threads}. */
    long nanoTime();

    /** Blocks the calling thread for {@code duration} of engine time ({@code msleep}/{@code usleep_range}). */
    void sleep(Duration duration);

    /**
     * Spins for {@code duration} of engine time without giving up the CPU ({@code udelay}); allowed
     * in atomic context. Under {@code sim} the clock advances and no other thread runs meanwhile
     * on this CPU.
     */
    void delay(Duration duration);

    /** A scheduling point ({@code cond_resched}): lets the engine run another thread. */
    void yield();

    /** Blocks until another thread calls {@link #unpark} for this one; a pending unpark makes it return at once. */
    void park(String reason);

    /** Wakes {@code thread} from {@link #park}, or lets its next {@code park} return at once. */
    void unpark(EmulatedThread thread);

    Completion newCompletion(String name);

    Mutex newMutex(String name);

    RwSemaphore newRwSemaphore(String name);

    /**
     * Enters atomic context ({@code local_irq_disable}/{@code preempt_disable}) on the calling
     * thread; nests. Blocking in atomic context is a bug of the emulated code: an emulated machine
     * reports it as the kernel does ({@code BUG: sleeping function called from invalid context} in
     * the kernel log) and the thread blocks anyway; an engine with no machine around it fails
     * with a {@link KernelBugException} that reads like that report.
     */
    void enterAtomic();

    /** Leaves one level of atomic context. */
    void exitAtomic();

    /** Returns whether the calling thread is in atomic context. */
    boolean inAtomic();
}
