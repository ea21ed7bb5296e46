package org.hotplugemu.api.driver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A multi-instance startup or teardown callback with its kernel symbol name; traces show its calls
 * as {@code cpuhp_multi_enter}.
 */
@API(status = STABLE, since = "0.1")
public record MultiCallback(String symbol, InstanceFunction function) {
    public MultiCallback {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(function, "function is null");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("callback symbol is blank");
        }
    }

    public static MultiCallback of(String symbol, InstanceFunction function) {
        return new MultiCallback(symbol, function);
    }
}
