package org.hotplugemu.api.kernel;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The one unchecked error of hotplug-emu: a kernel error number and a message that says what was
 * wrong and what to do.
 *
 * <p>Callbacks, architecture backends and drivers throw it to fail an operation with a specific
 * errno; the state machine rolls back and returns the errno to the caller, exactly as a kernel
 * callback returning {@code -errno} would.
 */
@API(status = STABLE, since = "0.1")
public class HotplugException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public HotplugException(Errno errno, String message) {
        super(requireNonNull(message, "message is null"));
        this.errno = requireNonNull(errno, "errno is null");
    }

    public HotplugException(Errno errno, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errno = requireNonNull(errno, "errno is null");
    }

    /** Returns the error number this failure maps to. */
    public Errno errno() {
        return errno;
    }

    /** Returns the kernel-style negative return value, e.g. -22 for EINVAL. */
    public int returnValue() {
        return -errno.number();
    }
}
