package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A Linux error number: any positive number, with its symbolic name where Linux defines one and
 * the text userspace prints for it ({@code strerror(3)} of glibc).
 *
 * <p>The constants are the errors the emulated kernel and its plugins commonly return;
 * {@link #of(int)} gives every other number, so a plugin may fail with any errno the real kernel
 * could return. An errno glibc has no text for, such as the kernel-internal {@link #ENOTSUPP}
 * (524), prints as {@code Unknown error 524}, as {@code echo} in a real shell shows it. Two errnos
 * are equal when their numbers are; {@code of} returns the constant itself for a named number, so
 * {@code ==} against a constant works too.
 */
@API(status = STABLE, since = "0.1")
public final class Errno implements Comparable<Errno> {
    public static final Errno EPERM = of(1);
    public static final Errno ENOENT = of(2);
    public static final Errno ESRCH = of(3);
    public static final Errno EINTR = of(4);
    public static final Errno EIO = of(5);
    public static final Errno ENXIO = of(6);
    public static final Errno E2BIG = of(7);
    public static final Errno EAGAIN = of(11);
    public static final Errno ENOMEM = of(12);
    public static final Errno EACCES = of(13);
    public static final Errno EFAULT = of(14);
    public static final Errno EBUSY = of(16);
    public static final Errno EEXIST = of(17);
    public static final Errno ENODEV = of(19);
    public static final Errno ENOTDIR = of(20);
    public static final Errno EISDIR = of(21);
    public static final Errno EINVAL = of(22);
    public static final Errno ENOSPC = of(28);
    public static final Errno EROFS = of(30);
    public static final Errno ERANGE = of(34);
    public static final Errno EDEADLK = of(35);
    public static final Errno ENOSYS = of(38);
    public static final Errno ENOTEMPTY = of(39);
    public static final Errno ENODATA = of(61);
    public static final Errno EOVERFLOW = of(75);
    public static final Errno EOPNOTSUPP = of(95);
    public static final Errno ETIMEDOUT = of(110);
    public static final Errno ECANCELED = of(125);
    /** The kernel's driver-probe deferral (517); never reaches userspace in Linux, so glibc has no text. */
    public static final Errno EPROBE_DEFER = of(517);
    /**
     * The kernel-internal "operation not supported" (524), distinct from {@link #EOPNOTSUPP}; SBI and
     * other firmware errors map to it, and userspace prints it as {@code Unknown error 524}.
     */
    public static final Errno ENOTSUPP = of(524);

    private final int number;

    private Errno(int number) {
        this.number = number;
    }

    /**
     * Returns the errno with this positive number, e.g. {@code of(22)} is {@link #EINVAL}.
     *
     * @throws IllegalArgumentException when {@code number} is zero or negative (see {@link #ofNumber})
     */
    public static Errno of(int number) {
        if (number <= 0) {
            throw new IllegalArgumentException("an errno is a positive number, not " + number);
        }
        if (number > ErrnoTable.LAST_NAMED) {
            return new Errno(number);
        }
        Errno[] cache = Interned.CACHE;
        synchronized (cache) {
            if (cache[number] == null) {
                cache[number] = new Errno(number);
            }
            return cache[number];
        }
    }

    /**
     * Returns the errno of a kernel return value or errno, e.g. {@code ofNumber(-524)} is
     * {@link #ENOTSUPP}: the sign is ignored.
     *
     * @throws IllegalArgumentException when {@code number} is zero (success is no error)
     */
    public static Errno ofNumber(int number) {
        if (number == 0 || number == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("errno " + number + " is no error number");
        }
        return of(Math.abs(number));
    }

    /**
     * Returns the errno with this symbolic name, e.g. {@code valueOf("ENOTSUPP")}, as the enum this
     * type replaced did (JUnit's parameter conversion relies on it too).
     *
     * @throws IllegalArgumentException when Linux has no errno of that name
     */
    public static Errno valueOf(String name) {
        int number = ErrnoTable.number(name);
        if (number <= 0) {
            throw new IllegalArgumentException("no errno is named " + name);
        }
        return of(number);
    }

    /** Returns the positive kernel error number, e.g. 22 for EINVAL; callbacks report {@code -number()}. */
    public int number() {
        return number;
    }

    /**
     * Returns the symbolic name, e.g. {@code EINVAL} or {@code ENOTSUPP}, or {@code errno 999} for a
     * number Linux gives no name.
     */
    public String name() {
        String name = ErrnoTable.name(number);
        return name != null ? name : "errno " + number;
    }

    /** Returns what {@code strerror(3)} prints for this error, e.g. "Invalid argument" or "Unknown error 524". */
    public String text() {
        String text = ErrnoTable.text(number);
        return text != null ? text : "Unknown error " + number;
    }

    @Override
    public int compareTo(Errno other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Errno errno && errno.number == number;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(number);
    }

    /** Returns {@link #name()}, as messages and JSON show an errno. */
    @Override
    public String toString() {
        return name();
    }

    /** Interned errnos up to the last named one; a holder, since the constants use it while this class initialises. */
    private static final class Interned {
        static final Errno[] CACHE = new Errno[ErrnoTable.LAST_NAMED + 1];
    }
}
