package org.hotplugemu.arch.x86;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What the x86 bringup costs in virtual time, so that emulated boot time means something. The
 * protocol's own delays ({@code init_udelay}, the waits after each SIPI) come from the kernel and
 * are not part of this model; these are the costs of the hardware and of the AP's own code.
 *
 * <p>Defaults and where they come from:
 * <ul>
 * <li>{@code icrWrite} 1 µs: an xAPIC MMIO write plus delivery on the APIC bus; hardware reports the
 *     ICR idle by the kernel's first poll, so {@code safe_apic_wait_icr_idle} never spins.</li>
 * <li>{@code trampoline} 20 µs: the real-mode trampoline up to the switch to the kernel stack, the
 *     part the trampoline lock serialises in parallel bringup (v6.5 {@code tr_lock}).</li>
 * <li>{@code apEarlyInit} 6.4 ms: the AP's low-level init before it reports alive ({@code cpu_init},
 *     microcode, exception and per-CPU setup); it overlaps between APs in parallel bringup.</li>
 * <li>{@code apPostRelease} 0.6 ms: what the AP does after the control CPU released it
 *     ({@code ap_starting}: TSC synchronisation with the control CPU, delay calibration); the
 *     control CPU waits for it, so it stays serial even in parallel bringup.</li>
 * </ul>
 * Tuned against the published anchor of the v6.5 parallel bringup series (spec/cpuhp.md section 6):
 * a 112-thread Skylake brings its APs up in about 800 ms serially and 80 ms in parallel; per AP
 * that is about 7.2 ms serially, of which about 0.65 ms cannot overlap. With the default
 * {@code init_udelay} of 0 the control CPU's INIT-SIPI-SIPI costs about 44 µs per AP.
 *
 * <p>Experimental.
 */
public record X86CostModel(Duration icrWrite, Duration trampoline, Duration apEarlyInit, Duration apPostRelease) {
    public X86CostModel {
        requireNonNull(icrWrite, "icrWrite is null");
        requireNonNull(trampoline, "trampoline is null");
        requireNonNull(apEarlyInit, "apEarlyInit is null");
        requireNonNull(apPostRelease, "apPostRelease is null");
    }

    public static X86CostModel defaults() {
        return new X86CostModel(Duration.ofNanos(1_000), Duration.ofNanos(20_000), Duration.ofNanos(6_400_000), Duration.ofNanos(600_000));
    }

    /** A model where the hardware and the AP's code cost nothing: only the kernel's own delays remain. */
    public static X86CostModel free() {
        return new X86CostModel(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
