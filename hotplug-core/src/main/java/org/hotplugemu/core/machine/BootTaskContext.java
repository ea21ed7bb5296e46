package org.hotplugemu.core.machine;

import org.hotplugemu.tracing.TaskContext;

/**
 * The engine's task context for the tracer, plus the boot context's preemption depth: while
 * {@code start_kernel} makes its registrations from {@code <idle>-0}, the x86 reference shows
 * them with preempt depth 1 ({@code ...1.}) and arm64's {@code time_init} with interrupts off
 * ({@code d....}); the emulated boot context only shows those flags, it does not enter atomic context.
 */
final class BootTaskContext implements TaskContext {
    static final String IDLE = "<idle>";

    private final TaskContext engine;
    private volatile int idlePreemptDepth;
    private volatile boolean idleIrqsOff;

    BootTaskContext(TaskContext engine) {
        this.engine = engine;
    }

    /** Sets the interrupt state and preemption depth the boot context's events show (off and 0 after the early registrations). */
    void idleFlags(boolean irqsOff, int depth) {
        idleIrqsOff = irqsOff;
        idlePreemptDepth = depth;
    }

    @Override
    public long nanoTime() {
        return engine.nanoTime();
    }

    @Override
    public int cpu() {
        return engine.cpu();
    }

    @Override
    public String comm() {
        return engine.comm();
    }

    @Override
    public int pid() {
        return engine.comm().equals(IDLE) ? 0 : engine.pid();
    }

    @Override
    public boolean irqsOff() {
        return engine.irqsOff() || idleIrqsOff && engine.comm().equals(IDLE);
    }

    @Override
    public int preemptDepth() {
        int depth = idlePreemptDepth;
        return depth != 0 && engine.comm().equals(IDLE) ? depth : engine.preemptDepth();
    }
}
