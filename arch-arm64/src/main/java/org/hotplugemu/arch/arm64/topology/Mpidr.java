package org.hotplugemu.arch.arm64.topology;

/**
 * The fields of an arm64 MPIDR_EL1 value: affinity levels Aff0-Aff3, the MT bit and the bits Linux
 * masks away. Experimental.
 */
public final class Mpidr {
    /** {@code MPIDR_HWID_BITMASK}: the affinity bits (Aff3 and Aff2..Aff0) Linux keeps. */
    public static final long HWID_BITMASK = 0xff00ffffffL;
    /** Bit 24: the lowest affinity level holds threads of one core (SMT). */
    public static final long MT_BIT = 1L << 24;
    /** Bit 30: uniprocessor system. */
    public static final long U_BIT = 1L << 30;
    /** Bit 31 is RES1 in the register as a CPU reads it. */
    public static final long RES1_BIT = 1L << 31;
    /** MIDR_EL1 of the reference machine (Cortex-A57 r1p0 under qemu), printed after each MPIDR. */
    public static final int MIDR = 0x411fd070;

    private Mpidr() {
    }

    /** Returns the MPIDR with the given affinity levels and no other bit. */
    public static long of(int aff3, int aff2, int aff1, int aff0) {
        return ((long) (aff3 & 0xff) << 32) | ((aff2 & 0xff) << 16) | ((aff1 & 0xff) << 8) | (aff0 & 0xff);
    }

    /** Returns affinity level {@code level} (0..3) of {@code mpidr}. */
    public static int affinity(long mpidr, int level) {
        int shift = switch (level) {
            case 0 -> 0;
            case 1 -> 8;
            case 2 -> 16;
            case 3 -> 32;
            default -> throw new IllegalArgumentException("affinity level " + level + " does not exist: use 0 to 3");
        };
        return (int) ((mpidr >>> shift) & 0xff);
    }

    /** Returns what Linux keeps of a register value ({@code read_cpuid_mpidr() & MPIDR_HWID_BITMASK}). */
    public static long mask(long registerValue) {
        return registerValue & HWID_BITMASK;
    }

    /** Formats like the kernel's {@code 0x%010lx}. */
    public static String format(long mpidr) {
        return String.format("0x%010x", mpidr);
    }
}
