package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What the core runs on a secondary CPU once the backend has it executing kernel code: the
 * generic half of {@code start_secondary}/{@code secondary_start_kernel}.
 *
 * <p>A backend's hardware thread for the CPU does, in this order: its own low-level init (and the
 * virtual time it costs), {@link #online()}, anything the architecture does once online (arm64
 * completes {@code cpu_running}), {@link #cpuStartupEntry()}, and when that returns, its own
 * {@code play_dead}. These methods must be called on the CPU's own hardware thread.
 */
@API(status = STABLE, since = "0.1")
public interface SecondaryStart {
    /** Returns the CPU being brought up. */
    int cpu();

    /**
     * Reports the CPU alive and waits for the control CPU's release (parallel bringup), runs the
     * STARTING callbacks with interrupts off ({@code notify_cpu_starting}) and sets the CPU in
     * the online mask. When the control CPU has already given up on this kick (its alive wait ran
     * out, or {@code bootSecondary} threw), it returns at once and the CPU stays offline; the
     * following {@link #cpuStartupEntry()} then returns at once too, and the backend stops the CPU.
     */
    void online();

    /**
     * {@code cpu_startup_entry(CPUHP_AP_ONLINE_IDLE)}: completes the bringup, then idles, running
     * {@code take_cpu_down} when the CPU is taken down. Returns after the CPU has reported itself
     * dead; the backend must then stop the CPU ({@code play_dead}) and let its hardware thread end.
     */
    void cpuStartupEntry();

    /**
     * {@code cpuhp_ap_report_dead}: the dying CPU's {@code play_dead} has done its last action (e.g.
     * a firmware {@code hart_stop} that has taken effect) and the control CPU may now check that the
     * CPU is off ({@code Architecture.cpuDie}). Only for a backend whose
     * {@code Architecture.reportsDeadFromPlayDead()} is true, which must call it once after
     * {@link #cpuStartupEntry()} returned; the core waits for it for the backend's dead wait
     * ({@code Architecture.bringupWaits}) and logs the backend's dead message when it does not come.
     *
     * @throws IllegalStateException when the backend does not report dead from {@code play_dead},
     *         or the CPU is not dead
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    void reportDead();
}
