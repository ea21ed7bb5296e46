package org.hotplugemu.arch.spi;

/**
 * What the core runs on a secondary CPU once the backend has it executing kernel code: the
 * generic half of {@code start_secondary}/{@code secondary_start_kernel}.
 *
 * <p>A backend's hardware thread for the CPU does, in this order: its own low-level init (and the
 * virtual time it costs), {@link #online()}, anything the architecture does once online (arm64
 * completes {@code cpu_running}), {@link #cpuStartupEntry()}, and when that returns, its own
 * {@code play_dead}. Both methods must be called on the CPU's own hardware thread. Stable since 0.1.
 */
public interface SecondaryStart {
    /** Returns the CPU being brought up. */
    int cpu();

    /**
     * Reports the CPU alive and waits for the control CPU's release (parallel bringup), runs the
     * STARTING callbacks with interrupts off ({@code notify_cpu_starting}) and sets the CPU in
     * the online mask.
     */
    void online();

    /**
     * {@code cpu_startup_entry(CPUHP_AP_ONLINE_IDLE)}: completes the bringup, then idles, running
     * {@code take_cpu_down} when the CPU is taken down. Returns after the CPU has reported itself
     * dead; the backend must then stop the CPU ({@code play_dead}) and let its hardware thread end.
     */
    void cpuStartupEntry();
}
