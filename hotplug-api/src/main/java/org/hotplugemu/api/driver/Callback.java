package org.hotplugemu.api.driver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A single-instance startup or teardown callback with the kernel symbol name traces print as
 * {@code (%ps)}, e.g. {@code workqueue_online_cpu}.
 */
@API(status = STABLE, since = "0.1")
public record Callback(String symbol, CpuFunction function) {
    public Callback {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(function, "function is null");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("callback symbol is blank");
        }
    }

    public static Callback of(String symbol, CpuFunction function) {
        return new Callback(symbol, function);
    }
}
