package org.hotplugemu.tracing;

/**
 * Who is emitting an event, asked at emit time: the host (the engine) implements it so that the
 * tracing module knows nothing of threads or hotplug.
 */
public interface TaskContext {
    /** Returns the clock in nanoseconds since boot. */
    long nanoTime();

    /** Returns the CPU the emitting task runs on. */
    int cpu();

    /** Returns the emitting task's name ({@code comm}). */
    String comm();

    /** Returns the emitting task's pid. */
    int pid();

    /** Returns whether the emitting task has interrupts off (shown as {@code d} in the flags column). */
    boolean irqsOff();

    /** Returns the emitting task's preemption depth, shown as a digit in the flags column ({@code .} for 0). */
    default int preemptDepth() {
        return 0;
    }
}
