package org.hotplugemu.core.driver;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * A driver's {@code register()} failed: with its own errno, or EIO when it threw anything else (its
 * cause). The driver API calls this a startup problem, not a failed boot. Experimental.
 */
public class DriverRegistrationException extends HotplugException {
    private static final long serialVersionUID = 1L;

    private final String driver;

    public DriverRegistrationException(String driver, Errno errno, String message, Throwable cause) {
        super(errno, message, cause);
        this.driver = driver;
    }

    /** Returns the name of the driver that failed. */
    public String driver() {
        return driver;
    }
}
