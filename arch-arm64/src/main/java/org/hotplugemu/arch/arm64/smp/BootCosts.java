package org.hotplugemu.arch.arm64.smp;

import java.time.Duration;

/**
 * Virtual-time costs of the arm64 bringup, chosen for a real server-class machine (the reference
 * qemu TCG guest took ~40 ms per CPU at boot and ~3.5 ms for {@code bringup_cpu} on re-online; real
 * silicon is one to two orders faster):
 * <ul>
 * <li>{@code cpuOnLatency}: firmware powers the core and reaches its warm-boot path (default 100 µs);</li>
 * <li>{@code warmBootInit}: {@code secondary_entry} to the I-cache line: EL setup, MMU on,
 *     {@code check_local_cpu_capabilities} (150 µs);</li>
 * <li>{@code secondaryInit}: I-cache line to "Booted secondary processor": cpuinfo, topology,
 *     IPI setup (50 µs; the reference shows ~0.4 ms under TCG);</li>
 * <li>{@code spinTableRelease}: a core in WFE sees the SEV and leaves the holding pen (5 µs).</li>
 * </ul>
 * Experimental.
 */
public record BootCosts(Duration cpuOnLatency, Duration warmBootInit, Duration secondaryInit, Duration spinTableRelease) {
    public static BootCosts defaults(Duration cpuOnLatency) {
        return new BootCosts(cpuOnLatency, Duration.ofNanos(150_000), Duration.ofNanos(50_000), Duration.ofNanos(5_000));
    }
}
