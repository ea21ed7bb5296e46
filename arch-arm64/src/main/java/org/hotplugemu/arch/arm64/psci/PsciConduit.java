package org.hotplugemu.arch.arm64.psci;

/**
 * How the kernel traps into firmware: {@code smc} to EL3 or {@code hvc} to EL2, as the DT
 * {@code psci} node's {@code method} names it. Experimental.
 */
public enum PsciConduit {
    SMC, HVC;

    /** Returns the lowercase name the DT and the {@code psci.conduit=} parameter use. */
    public String dtName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
