package org.hotplugemu.tracing;

/** A task context for tests whose clock and current task the test sets; shared through the test-jar. */
public final class TestingTaskContext implements TaskContext {
    private long nanos;
    private int cpu;
    private String comm = "swapper/0";
    private int pid;
    private boolean irqsOff;

    /** Makes {@code comm-pid} on {@code cpu} the emitting task. */
    public TestingTaskContext as(String comm, int pid, int cpu) {
        this.comm = comm;
        this.pid = pid;
        this.cpu = cpu;
        return this;
    }

    /** Sets the clock to {@code micros} microseconds. */
    public TestingTaskContext atMicros(long micros) {
        this.nanos = micros * 1000;
        return this;
    }

    /** Sets the clock to {@code nanos} nanoseconds. */
    public TestingTaskContext atNanos(long nanos) {
        this.nanos = nanos;
        return this;
    }

    /** Sets whether the emitting task runs with interrupts off. */
    public TestingTaskContext irqsOff(boolean off) {
        this.irqsOff = off;
        return this;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public int cpu() {
        return cpu;
    }

    @Override
    public String comm() {
        return comm;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public boolean irqsOff() {
        return irqsOff;
    }
}
