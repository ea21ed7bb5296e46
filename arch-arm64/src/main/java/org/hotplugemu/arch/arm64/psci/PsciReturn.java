package org.hotplugemu.arch.arm64.psci;

import org.hotplugemu.api.kernel.Errno;

/**
 * PSCI return codes and the errno Linux maps each to ({@code psci_to_linux_errno}). Experimental.
 */
public final class PsciReturn {
    public static final int SUCCESS = 0;
    public static final int NOT_SUPPORTED = -1;
    public static final int INVALID_PARAMETERS = -2;
    public static final int DENIED = -3;
    public static final int ALREADY_ON = -4;
    public static final int ON_PENDING = -5;
    public static final int INTERNAL_FAILURE = -6;
    public static final int NOT_PRESENT = -7;
    public static final int DISABLED = -8;
    public static final int INVALID_ADDRESS = -9;

    /** AFFINITY_INFO results. */
    public static final int AFFINITY_ON = 0;
    public static final int AFFINITY_OFF = 1;
    public static final int AFFINITY_ON_PENDING = 2;

    /** MIGRATE_INFO_TYPE results. */
    public static final int TOS_UP_MIGRATE = 0;
    public static final int TOS_UP_NO_MIGRATE = 1;
    public static final int TOS_NOT_PRESENT_MP = 2;

    /** PSCI 1.1 as PSCI_VERSION encodes it (major in bits 31:16). */
    public static final int VERSION_1_1 = 0x10001;

    private PsciReturn() {
    }

    /** Returns the errno Linux turns a failed PSCI call into, or {@code null} for SUCCESS. */
    public static Errno toErrno(long code) {
        if (code == SUCCESS) {
            return null;
        }
        if (code == NOT_SUPPORTED) {
            return Errno.EOPNOTSUPP;
        }
        if (code == INVALID_PARAMETERS || code == INVALID_ADDRESS) {
            return Errno.EINVAL;
        }
        if (code == DENIED) {
            return Errno.EPERM;
        }
        return Errno.EINVAL;
    }

    /** Returns the name of a return code, e.g. {@code DENIED}, or the number when unknown. */
    public static String name(long code) {
        return switch ((int) code) {
            case SUCCESS -> "SUCCESS";
            case NOT_SUPPORTED -> "NOT_SUPPORTED";
            case INVALID_PARAMETERS -> "INVALID_PARAMETERS";
            case DENIED -> "DENIED";
            case ALREADY_ON -> "ALREADY_ON";
            case ON_PENDING -> "ON_PENDING";
            case INTERNAL_FAILURE -> "INTERNAL_FAILURE";
            case NOT_PRESENT -> "NOT_PRESENT";
            case DISABLED -> "DISABLED";
            case INVALID_ADDRESS -> "INVALID_ADDRESS";
            default -> Long.toString(code);
        };
    }
}
