package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The kernel log ({@code printk}); {@code dmesg} shows each line as {@code [%5lu.%06lu] message}
 * with the engine clock's time, and {@code dmesg -r} prefixes the level as {@code <N>}.
 */
@API(status = STABLE, since = "0.1")
public interface KernelLog {
    /**
     * The kernel's log levels, most severe first; {@link #number()} is the {@code KERN_*} value
     * ({@code KERN_EMERG} 0 to {@code KERN_DEBUG} 7) and {@link #label()} the name {@code dmesg}
     * uses ({@code emerg}, {@code alert}, {@code crit}, {@code err}, {@code warn}, {@code notice},
     * {@code info}, {@code debug}).
     */
    @API(status = STABLE, since = "0.1")
    enum Level {
        EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

        /** Returns the {@code KERN_*} number, 0 for EMERG to 7 for DEBUG. */
        public int number() {
            return ordinal();
        }

        /** Returns the name {@code dmesg --level} takes, e.g. {@code warn} for WARNING. */
        public String label() {
            return this == WARNING ? "warn" : name().toLowerCase(Locale.ROOT);
        }

        /** Returns the level {@code dmesg --level} calls {@code label} (case-insensitive), if any. */
        public static Optional<Level> forLabel(String label) {
            for (Level level : values()) {
                if (level.label().equalsIgnoreCase(label)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    void log(Level level, String message);

    /** Logs at {@code KERN_INFO}, the default of {@code printk}. */
    default void info(String message) {
        log(Level.INFO, message);
    }

    /** Logs at {@code KERN_NOTICE}, as {@code pr_notice} does. */
    default void notice(String message) {
        log(Level.NOTICE, message);
    }

    /** Logs at {@code KERN_WARNING}, as {@code pr_warn} and {@code WARN()} do. */
    default void warn(String message) {
        log(Level.WARNING, message);
    }

    /** Logs at {@code KERN_ERR}, as {@code pr_err} does. */
    default void error(String message) {
        log(Level.ERR, message);
    }
}
