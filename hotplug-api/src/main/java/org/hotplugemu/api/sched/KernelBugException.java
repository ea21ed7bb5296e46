package org.hotplugemu.api.sched;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A programming error in emulated code that the real kernel would report with a {@code BUG:} splat,
 * such as sleeping in atomic context.
 *
 * <p>Unlike {@link org.hotplugemu.api.kernel.HotplugException} it is not an operation's result: it
 * means the emulated code is wrong. Its message starts with the kernel's wording.
 */
@API(status = STABLE, since = "0.1")
public class KernelBugException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KernelBugException(String message) {
        super(message);
    }
}
