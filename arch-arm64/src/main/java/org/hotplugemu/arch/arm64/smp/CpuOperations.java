package org.hotplugemu.arch.arm64.smp;

/**
 * One arm64 enable method, as the kernel's {@code struct cpu_operations}: how a CPU is booted,
 * whether and how it can be stopped. Results are 0 or a negative errno, as in the kernel.
 * Experimental.
 */
public interface CpuOperations {
    /** Returns the DT enable-method name: {@code psci} or {@code spin-table}. */
    String name();

    /** {@code cpu_boot}: starts the CPU; it will run the secondary start path on its own thread. */
    int boot(int cpu);

    /** {@code cpu_can_disable}: whether the CPU may be taken offline at all. */
    boolean canDisable(int cpu);

    /** Whether the method has {@code cpu_die}; without it the CPU cannot go offline. */
    boolean hasDie();

    /** {@code cpu_disable}: a method-specific veto on the dying CPU (atomic context). */
    int disable(int cpu);

    /** {@code cpu_die}: stops the calling CPU; returns only on failure, with the error. */
    int die(int cpu);

    /** {@code cpu_kill}: confirms the CPU is really off, from the control CPU. */
    int kill(int cpu);
}
