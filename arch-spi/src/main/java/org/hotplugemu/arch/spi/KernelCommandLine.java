package org.hotplugemu.arch.spi;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelBool;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel command line, e.g. {@code "cpuhp.parallel=0 nosmt cpu_init_udelay=0"}: words
 * separated by spaces, each a flag or {@code key=value}; a later word overrides an earlier one.
 */
@API(status = STABLE, since = "0.1")
public final class KernelCommandLine {
    private final String text;
    private final Map<String, String> parameters;

    private KernelCommandLine(String text, Map<String, String> parameters) {
        this.text = text;
        this.parameters = parameters;
    }

    public static KernelCommandLine parse(String text) {
        requireNonNull(text, "text is null");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int equals = word.indexOf('=');
            if (equals == 0) {
                throw new HotplugException(Errno.EINVAL, "kernel parameter '" + word + "' has no name before '='");
            }
            if (equals < 0) {
                parameters.put(word, "");
            }
            else {
                parameters.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return new KernelCommandLine(text.trim(), Collections.unmodifiableMap(parameters));
    }

    public static KernelCommandLine empty() {
        return parse("");
    }

    /** Returns the value of {@code key=value}, or an empty string for a bare flag, or empty when absent. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    public boolean has(String key) {
        return parameters.containsKey(key);
    }

    /**
     * Returns a boolean parameter as the kernel's {@code param_set_bool} reads it: a bare flag is
     * true, a value goes through {@link KernelBool}; {@code defaultValue} when absent.
     *
     * @throws HotplugException EINVAL when present with another value
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        String value = parameters.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.isEmpty()) {
            return true;
        }
        Boolean parsed = KernelBool.parseOrNull(value);
        if (parsed == null) {
            throw new HotplugException(Errno.EINVAL, "kernel parameter " + key + "=" + value + " is not a boolean (use 0/1, n/y, off/on)");
        }
        return parsed;
    }

    /**
     * Returns a non-negative integer parameter, or {@code defaultValue} when absent.
     *
     * @throws HotplugException EINVAL when present but not a non-negative decimal integer
     */
    public long getLong(String key, long defaultValue) {
        String value = parameters.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        }
        catch (NumberFormatException e) {
            throw new HotplugException(Errno.EINVAL, "kernel parameter " + key + "=" + value + " is not a non-negative integer");
        }
    }

    /** Returns the parameter names in command-line order. */
    public List<String> names() {
        return new ArrayList<>(parameters.keySet());
    }

    @Override
    public String toString() {
        return text;
    }
}
