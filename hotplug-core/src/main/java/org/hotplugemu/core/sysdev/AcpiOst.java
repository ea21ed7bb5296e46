package org.hotplugemu.core.sysdev;

import org.hotplugemu.api.kernel.Errno;

/** ACPI {@code _OST} source events and status codes, as the kernel's {@code acpi_device_hotplug} uses them. */
public final class AcpiOst {
    /** Source event: device check (insertion). */
    public static final int DEVICE_CHECK = 0x1;
    /** Source event: eject request. */
    public static final int EJECT_REQUEST = 0x3;

    public static final int SUCCESS = 0x0;
    public static final int NON_SPECIFIC_FAILURE = 0x1;
    public static final int EJECT_NOT_SUPPORTED = 0x80;
    public static final int DEVICE_IN_USE = 0x81;
    public static final int DEVICE_BUSY = 0x82;
    public static final int EJECT_DEPENDENCY_BUSY = 0x83;
    public static final int EJECT_IN_PROGRESS = 0x84;

    private AcpiOst() {
    }

    /** The status {@code acpi_device_hotplug} reports for an error: EPERM, EBUSY, anything else. */
    public static int statusOf(Errno errno) {
        if (errno.equals(Errno.EPERM)) {
            return EJECT_NOT_SUPPORTED;
        }
        return errno.equals(Errno.EBUSY) ? DEVICE_BUSY : NON_SPECIFIC_FAILURE;
    }
}
