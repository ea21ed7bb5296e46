package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

/**
 * What an engine's run detected instead of finishing: the kind, the kernel-style header and any
 * detail lines (a soft lockup's Java stack) that go before the per-thread lines of the report, and
 * the thread stuck in plain Java, if any.
 */
record Hang(HangException.Kind kind, String header, String detail, Task stuck) {
    Hang {
        requireNonNull(kind, "kind is null");
        requireNonNull(header, "header is null");
        requireNonNull(detail, "detail is null");
    }

    Hang(HangException.Kind kind, String header) {
        this(kind, header, "", null);
    }

    /** Once reported, wakes the stuck thread with an interrupt: that ends a Thread.sleep or latch wait in plugin code. */
    void interruptStuck() {
        if (stuck != null && stuck.thread != null) {
            stuck.thread.interrupt();
        }
    }

    /** Whether the engine can run emulated code after this hang (not after a thread was abandoned). */
    boolean engineUsable() {
        return kind != HangException.Kind.SOFT_LOCKUP;
    }
}
