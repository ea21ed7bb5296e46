package org.hotplugemu.arch.arm64.psci;

/**
 * Firmware faults a scenario can arm for one CPU, each with the debugfs file that arms it.
 * Experimental.
 */
public enum PsciFault {
    /** CPU_ON to the CPU fails with INTERNAL_FAILURE (power-on failed) and the CPU stays OFF. */
    CPU_ON_INTERNAL_FAILURE("psci_fail_cpu_on_internal"),
    /** After the CPU calls CPU_OFF, CPU_ON to it is DENIED until the fault is disarmed (a reset). */
    DENY_ON_AFTER_OFF("psci_deny_on_after_off"),
    /** CPU_ON succeeds but the core never runs: it stays ON_PENDING until the fault is disarmed. */
    NEVER_RUNS("cpu_never_runs"),
    /** CPU_OFF never completes: AFFINITY_INFO reads ON until the fault is disarmed. */
    NEVER_OFF("cpu_never_off");

    private final String fileName;

    PsciFault(String fileName) {
        this.fileName = fileName;
    }

    /** Returns the file name under {@code /sys/kernel/debug/arm64/}. */
    public String fileName() {
        return fileName;
    }
}
