package org.hotplugemu.core.sysdev;

/**
 * Order values of the built-in handlers, lowest first. Add follows the boot order (firmware
 * enumerates, then memory, then CPUs, then host bridges come up); delete is its mirror (host
 * bridges, CPUs, memory go offline, then firmware ejects). A plugin picks values between these.
 */
public final class HandlerOrder {
    /** ACPI bus scan of the new devices ({@code acpi_bus_scan}): before any device is onlined. */
    public static final int FIRMWARE_ENUMERATE = 10;
    /** Memory blocks online on add, offline last on delete. */
    public static final int MEMORY_ADD = 30;
    public static final int NODE_ADD = 35;
    /** CPUs after memory on add. */
    public static final int CPU_ADD = 40;
    public static final int HOST_BRIDGE_ADD = 50;

    public static final int HOST_BRIDGE_DELETE = 10;
    /** CPUs before memory on delete. */
    public static final int CPU_DELETE = 20;
    public static final int MEMORY_DELETE = 30;
    public static final int NODE_DELETE = 35;
    /** ACPI trim and {@code _EJ0}: after every device is offline. */
    public static final int FIRMWARE_EJECT = 60;

    private HandlerOrder() {
    }
}
