package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The printk timestamp: nanoseconds since boot shown as seconds with six decimals, truncated to the
 * microsecond as {@code print_time} does ({@code [%5lu.%06lu]}). One format for dmesg lines and for
 * the times engine reports name.
 */
@API(status = INTERNAL, since = "0.1")
public final class PrintkTime {
    private PrintkTime() {
    }

    /** Returns {@code nanos} as {@code %lu.%06lu}, e.g. {@code 12.000345}, not padded. */
    public static String seconds(long nanos) {
        long micros = nanos / 1_000;
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return micros / 1_000_000 + "." + fraction;
    }

    /** Returns the dmesg prefix {@code [%5lu.%06lu]}, e.g. {@code [    0.001000]}. */
    public static String stamp(long nanos) {
        String seconds = seconds(nanos);
        int width = seconds.length() - 7;
        return "[" + " ".repeat(Math.max(0, 5 - width)) + seconds + "]";
    }

    /** Returns a whole dmesg line: the stamp, a space, the message. */
    public static String line(long nanos, String message) {
        return stamp(nanos) + " " + message;
    }
}
