package org.hotplugemu.core.engine;

import java.util.List;

/**
 * The {@link HangException.Kind#DEADLOCK DEADLOCK} kind of hang, {@code EDEADLK}: every emulated
 * thread is blocked and no timer is pending. Distinct from the {@code EDEADLK} a registration call
 * made from inside a hotplug callback fails with at once, which is a plain {@code HotplugException}.
 * Experimental.
 */
public class DeadlockException extends HangException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String report, List<ThreadReport> threads, String javaStacks) {
        super(Kind.DEADLOCK, report, threads, javaStacks);
    }

    @Override
    public HangException withReportAppended(String text) {
        DeadlockException copy = new DeadlockException(getMessage() + "\n" + text, threads(), javaStacks());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
