package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * An operation never finished and the engine gave up on it: the message is the full report (a
 * kernel-style header, then one line per live emulated thread with the callback it runs and the
 * owner of what it waits on, then whatever the machine adds, such as every CPU's state). The
 * {@link #kind()} says which watchdog fired; each kind has its own errno so that callers and the
 * CLI can tell a hang from an ordinary failure. Experimental.
 */
public class HangException extends HotplugException {
    private static final long serialVersionUID = 1L;

    /** Which watchdog fired, and the errno the failed operation reports. */
    public enum Kind {
        /** Every emulated thread is blocked and no timer is pending: {@code EDEADLK}. */
        DEADLOCK(Errno.EDEADLK),
        /** The operation's root thread did not finish within {@code emu.hung_task_timeout_secs}: {@code ETIMEDOUT}. */
        HUNG_TASK(Errno.ETIMEDOUT),
        /**
         * An emulated thread ran plain Java (a spin, {@code Thread.sleep}, a latch) without reaching
         * an engine primitive for {@code emu.softlockup_thresh_secs} of real time: {@code EBUSY}, as
         * the CPU stays busy; the engine stops running emulated code afterwards.
         */
        SOFT_LOCKUP(Errno.EBUSY),
        /** {@code sim} only: threads kept switching while virtual time stood still: {@code EAGAIN}. */
        LIVELOCK(Errno.EAGAIN);

        private final Errno errno;

        Kind(Errno errno) {
            this.errno = errno;
        }

        /** Returns the errno an operation failed by this kind of hang reports. */
        public Errno errno() {
            return errno;
        }
    }

    private final Kind kind;
    private final transient List<ThreadReport> threads;
    private final String javaStacks;

    /**
     * Creates a hang failure.
     *
     * @param report the full report, used as the message
     * @param threads every live emulated thread when the hang was detected
     * @param javaStacks the Java stack of each of those threads, for {@code --verbose}
     */
    public HangException(Kind kind, String report, List<ThreadReport> threads, String javaStacks) {
        super(requireNonNull(kind, "kind is null").errno(), report);
        this.kind = kind;
        this.threads = List.copyOf(threads);
        this.javaStacks = requireNonNull(javaStacks, "javaStacks is null");
    }

    /** Returns which watchdog fired. */
    public Kind kind() {
        return kind;
    }

    /** Returns every live emulated thread as it was when the hang was detected, in pid order. */
    public List<ThreadReport> threads() {
        return threads == null ? List.of() : threads;
    }

    /** Returns the Java stack of every live emulated thread when the hang was detected, as text. */
    public String javaStacks() {
        return javaStacks;
    }

    /** Returns the same failure with {@code text} added as the last lines of the report. */
    public HangException withReportAppended(String text) {
        HangException copy = new HangException(kind, getMessage() + "\n" + text, threads(), javaStacks);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
