package org.hotplugemu.api.kernel;

/**
 * Linux error numbers used by the emulated kernel, with the text {@code strerror} prints for them.
 *
 * <p>Stable since 0.1: add constants, never renumber.
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EIO(5, "Input/output error"),
    ENXIO(6, "No such device or address"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EFAULT(14, "Bad address"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ENOSPC(28, "No space left on device"),
    ERANGE(34, "Numerical result out of range"),
    EDEADLK(35, "Resource deadlock avoided"),
    EOVERFLOW(75, "Value too large for defined data type"),
    EOPNOTSUPP(95, "Operation not supported"),
    ETIMEDOUT(110, "Connection timed out"),
    ECANCELED(125, "Operation canceled");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** Returns the positive kernel error number, e.g. 22 for EINVAL; callbacks report {@code -number()}. */
    public int number() {
        return number;
    }

    /** Returns what {@code strerror(3)} prints for this error, e.g. "Invalid argument". */
    public String text() {
        return text;
    }

    /** Returns the constant with this positive or negative number, or {@code EIO} when it is unknown. */
    public static Errno ofNumber(int number) {
        int positive = Math.abs(number);
        for (Errno errno : values()) {
            if (errno.number == positive) {
                return errno;
            }
        }
        return EIO;
    }
}
