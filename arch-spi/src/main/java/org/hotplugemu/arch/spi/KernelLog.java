package org.hotplugemu.arch.spi;

/**
 * The kernel log ({@code printk}); {@code dmesg} shows each line as {@code [%5lu.%06lu] message}
 * with the engine clock's time.
 *
 * <p>Stable since 0.1.
 */
public interface KernelLog {
    /** The kernel's log levels, most severe first. */
    enum Level { EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG }

    void log(Level level, String message);

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warn(String message) {
        log(Level.WARNING, message);
    }

    default void error(String message) {
        log(Level.ERR, message);
    }
}
