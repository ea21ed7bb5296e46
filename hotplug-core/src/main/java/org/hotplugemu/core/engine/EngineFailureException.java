package org.hotplugemu.core.engine;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/** An emulated thread other than the root crashed with an uncaught exception, its cause. Experimental. */
public class EngineFailureException extends HotplugException {
    private static final long serialVersionUID = 1L;

    private final String threadName;

    public EngineFailureException(String threadName, int pid, Throwable cause) {
        super(Errno.EIO, "emulated thread '" + threadName + "' (pid " + pid + ") crashed: " + cause, cause);
        this.threadName = threadName;
    }

    /** Returns the name of the thread that crashed. */
    public String threadName() {
        return threadName;
    }
}
