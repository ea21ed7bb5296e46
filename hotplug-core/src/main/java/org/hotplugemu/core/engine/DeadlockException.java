package org.hotplugemu.core.engine;

import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/**
 * Every emulated thread is blocked with no timer pending, or the root task hung: the message is the
 * full report, one line per live thread. Experimental.
 */
public class DeadlockException extends HotplugException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String report) {
        super(Errno.EDEADLK, report);
    }
}
