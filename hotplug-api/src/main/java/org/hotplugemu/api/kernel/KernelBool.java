package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The kernel's {@code kstrtobool} (lib/kstrtox.c): the one reading of a boolean that sysfs stores,
 * module and boot parameters share.
 *
 * <p>Only the first character decides, so {@code "1abc"} and {@code "yes"} are true and
 * {@code "no way"} is false: {@code e E y Y t T 1} are true, {@code d D n N f F 0} are false, and
 * a leading {@code o}/{@code O} is decided by the second character ({@code on}, {@code off}).
 * Anything else, including the empty string, is EINVAL.
 */
@API(status = STABLE, since = "0.1")
public final class KernelBool {
    private KernelBool() {
    }

    /**
     * Parses {@code text} as {@code kstrtobool} does.
     *
     * @throws HotplugException EINVAL when the first characters are not a boolean
     */
    public static boolean parse(String text) {
        Boolean value = parseOrNull(text);
        if (value == null) {
            throw new HotplugException(Errno.EINVAL, "'" + text.strip() + "' is not a boolean: use 1/0, y/n, on/off");
        }
        return value;
    }

    /** Returns what {@code kstrtobool} reads from {@code text}, or null where it returns -EINVAL. */
    public static Boolean parseOrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        return switch (text.charAt(0)) {
            case 'e', 'E', 'y', 'Y', 't', 'T', '1' -> true;
            case 'd', 'D', 'n', 'N', 'f', 'F', '0' -> false;
            case 'o', 'O' -> text.length() < 2 ? null : switch (text.charAt(1)) {
                case 'n', 'N' -> true;
                case 'f', 'F' -> false;
                default -> null;
            };
            default -> null;
        };
    }
}
