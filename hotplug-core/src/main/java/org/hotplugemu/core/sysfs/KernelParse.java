package org.hotplugemu.core.sysfs;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/** The kernel's string parsers as sysfs store functions use them ({@code kstrtoint}; {@code kstrtobool} is {@link org.hotplugemu.api.kernel.KernelBool}). */
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

    private static HotplugException invalid(String value) {
        return new HotplugException(Errno.EINVAL, "'" + value.strip() + "' is not a decimal integer");
    }
}
