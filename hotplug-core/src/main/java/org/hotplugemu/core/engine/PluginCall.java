package org.hotplugemu.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * Runs plugin code that is called outside any emulated thread (a driver's {@code name()} while a
 * machine is built) under the soft-lockup watchdog: a call that has not returned after the
 * threshold of real time fails with a {@link HangException.Kind#SOFT_LOCKUP SOFT_LOCKUP} report
 * naming the call and its Java stack, and is interrupted and left behind. Experimental.
 */
public final class PluginCall {
    private PluginCall() {
    }

    /**
     * Returns what {@code call} returns, or rethrows what it throws; {@code what} names the call in a
     * report, e.g. {@code name() of driver com.example.Slow}. A zero {@code threshold} waits forever.
     */
    public static <T> T bounded(String what, Duration threshold, Supplier<T> call) {
        requireNonNull(what, "what is null");
        requireNonNull(call, "call is null");
        if (threshold.isZero()) {
            return call.get();
        }
        FutureTask<T> task = new FutureTask<>(call::get);
        Thread thread = Thread.ofVirtual().name(what).start(task);
        long start = System.nanoTime();
        try {
            return task.get(threshold.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw lockup(what, thread, System.nanoTime() - start);
        } catch (ExecutionException e) {
            throw EngineChecks.rethrow(e.getCause());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new HotplugException(Errno.ECANCELED, what + " was interrupted while waiting for plugin code");
        }
    }

    private static HangException lockup(String what, Thread thread, long stuckNanos) {
        long seconds = Math.max(1, Math.round(stuckNanos / 1e9));
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : thread.getStackTrace()) {
            stack.append("\n    at ").append(frame);
        }
        thread.interrupt(); // ends a Thread.sleep or latch wait in the plugin code
        String report = "watchdog: BUG: soft lockup - CPU#0 stuck for " + seconds + "s! [" + what + "]\n  " + what
                + " did not return (a spin, Thread.sleep or a Java lock in plugin code?); its Java stack:" + stack;
        return new HangException(HangException.Kind.SOFT_LOCKUP, report, List.of(), stack.toString().strip());
    }
}
