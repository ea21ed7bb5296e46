package org.hotplugemu.core.sysfs;

import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/** The kernel's string parsers as sysfs store functions use them ({@code kstrtoint}, {@code kstrtobool}). */
public final class KernelParse {
    private KernelParse() {
    }

    /** {@code kstrtoint(buf, 10, &v)}: optional sign, decimal digits, one optional trailing newline. */
    public static int parseInt(String value) {
        String text = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            throw invalid(value);
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                throw invalid(value);
            }
        }
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        }
        catch (NumberFormatException e) {
            throw new HotplugException(Errno.ERANGE, "'" + text + "' does not fit in an int");
        }
    }

    /** {@code kstrtobool}: the first character decides ({@code y Y t T 1}, {@code n N f F 0}, {@code on}, {@code off}). */
    public static boolean parseBool(String value) {
        if (!value.isEmpty()) {
            switch (value.charAt(0)) {
                case 'y', 'Y', 't', 'T', '1' -> {
                    return true;
                }
                case 'n', 'N', 'f', 'F', '0' -> {
                    return false;
                }
                case 'o', 'O' -> {
                    if (value.length() > 1) {
                        char second = value.charAt(1);
                        if (second == 'n' || second == 'N') {
                            return true;
                        }
                        if (second == 'f' || second == 'F') {
                            return false;
                        }
                    }
                }
                default -> {
                }
            }
        }
        throw new HotplugException(Errno.EINVAL, "'" + value.strip() + "' is not a boolean: use 1/0, y/n, on/off");
    }

    private static HotplugException invalid(String value) {
        return new HotplugException(Errno.EINVAL, "'" + value.strip() + "' is not a decimal integer");
    }
}
