package org.hotplugemu.arch.arm64.psci;

import java.util.Optional;

/**
 * The PSCI functions the emulated firmware knows, with their SMC32 and SMC64 function ids (Arm
 * DEN0022). A function with no SMC64 form has {@code smc64Id == 0}. Experimental.
 */
public enum PsciFunction {
    PSCI_VERSION(0x84000000, 0),
    CPU_SUSPEND(0x84000001, 0xC4000001),
    CPU_OFF(0x84000002, 0),
    CPU_ON(0x84000003, 0xC4000003),
    AFFINITY_INFO(0x84000004, 0xC4000004),
    MIGRATE_INFO_TYPE(0x84000006, 0),
    MIGRATE_INFO_UP_CPU(0x84000007, 0xC4000007),
    SYSTEM_OFF(0x84000008, 0),
    SYSTEM_RESET(0x84000009, 0),
    PSCI_FEATURES(0x8400000A, 0);

    /** SMCCC_VERSION (SMCCC 1.1+): the emulated firmware implements SMCCC v1.0, so it is unknown. */
    public static final int SMCCC_VERSION_ID = 0x80000000;

    private final int smc32Id;
    private final int smc64Id;

    PsciFunction(int smc32Id, int smc64Id) {
        this.smc32Id = smc32Id;
        this.smc64Id = smc64Id;
    }

    public int smc32Id() {
        return smc32Id;
    }

    public int smc64Id() {
        return smc64Id;
    }

    /** Returns the id Linux uses on arm64 ({@code PSCI_FN_NATIVE}): SMC64 where it exists. */
    public int nativeId() {
        return smc64Id != 0 ? smc64Id : smc32Id;
    }

    /** Returns the function with this SMC32 or SMC64 id. */
    public static Optional<PsciFunction> of(long functionId) {
        int id = (int) functionId;
        for (PsciFunction function : values()) {
            if (function.smc32Id == id || (function.smc64Id != 0 && function.smc64Id == id)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** Returns whether {@code functionId} uses the SMC32 convention (bit 30 clear: 32-bit arguments). */
    public static boolean isSmc32(long functionId) {
        return (functionId & 0x40000000L) == 0;
    }
}
