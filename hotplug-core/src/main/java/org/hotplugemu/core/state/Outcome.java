package org.hotplugemu.core.state;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * The result of a hotplug step or operation inside the core: success, or the kernel's errno with a
 * message saying which callback failed and why. It travels as a value through the walks and
 * rollbacks, and becomes a {@link HotplugException} in one place only, {@link #orThrow()}.
 */
record Outcome(Errno errno, String message) {
    static final Outcome OK = new Outcome(null, "");

    static Outcome failure(Errno errno, String message) {
        return new Outcome(java.util.Objects.requireNonNull(errno, "errno is null"), message);
    }

    boolean ok() {
        return errno == null;
    }

    boolean failed() {
        return errno != null;
    }

    /** Returns the kernel's return value: 0 or a negative errno. */
    int returnValue() {
        return ok() ? 0 : -errno.number();
    }

    /** Returns this failure with {@code context} in front of its message; success stays success. */
    Outcome within(String context) {
        return ok() ? this : new Outcome(errno, context + ": " + message);
    }

    /** Throws this failure as the exception callers of the core see; returns on success. */
    void orThrow() {
        if (failed()) {
            throw new HotplugException(errno, message.isEmpty() ? errno.text() : errno.text() + " (" + message + ")");
        }
    }
}
