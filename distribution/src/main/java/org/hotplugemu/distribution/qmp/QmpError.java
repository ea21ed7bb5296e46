package org.hotplugemu.distribution.qmp;

/** A QMP error reply: QEMU's error class and its description text. */
public final class QmpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String GENERIC = "GenericError";
    public static final String COMMAND_NOT_FOUND = "CommandNotFound";
    public static final String DEVICE_NOT_FOUND = "DeviceNotFound";

    private final String errorClass;

    public QmpError(String errorClass, String desc) {
        super(desc);
        this.errorClass = errorClass;
    }

    public static QmpError generic(String desc) {
        return new QmpError(GENERIC, desc);
    }

    public String errorClass() {
        return errorClass;
    }

    public String desc() {
        return getMessage();
    }
}
