package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * The virtual time each hotplug callback costs, by kernel symbol, calibrated from a reference
 * kernel's timing capture: a median for a runtime offline/online and one for the boot-time
 * bring-up where they differ, and a jitter that spreads each call uniformly over
 * {@code median × (1 ± jitter)} (drawn from the machine's seeded generator under {@code sim}).
 * Callbacks not listed cost {@link #defaultNs()}. The kernel parameter
 * {@code emu.callback_cost_ns=N} replaces the whole model by a flat N.
 *
 * <p>Profile JSON: {@code "costs": {"defaultNs": 1000, "callbacks": {"bringup_cpu": {"runtimeNs": 28000000,
 * "bootNs": 84000000, "jitter": 0.1}, ...}}} ({@code bootNs} and {@code jitter} optional).
 *
 * <p>Experimental.
 */
public final class CostModel {
    /** No model: every callback costs 1 µs, as before profiles carried costs. */
    public static final CostModel NONE = new CostModel(1_000, Map.of());

    /** One callback's cost: runtime and boot medians in nanoseconds and the relative jitter (0..1). */
    public record Cost(long runtimeNs, long bootNs, double jitter) {
        public Cost {
            if (runtimeNs < 0 || bootNs < 0) {
                throw new IllegalArgumentException("a cost must not be negative");
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter " + jitter + " is not within 0..1");
            }
        }
    }

    private final long defaultNs;
    private final Map<String, Cost> callbacks;

    public CostModel(long defaultNs, Map<String, Cost> callbacks) {
        if (defaultNs < 0) {
            throw new IllegalArgumentException("defaultNs must not be negative");
        }
        this.defaultNs = defaultNs;
        this.callbacks = Map.copyOf(new TreeMap<>(requireNonNull(callbacks, "callbacks is null")));
    }

    /** Returns a model in which every callback costs {@code nanos}, boot or not ({@code emu.callback_cost_ns}). */
    public static CostModel flat(long nanos) {
        return new CostModel(nanos, Map.of());
    }

    public long defaultNs() {
        return defaultNs;
    }

    /** Returns the listed callbacks by symbol. */
    public Map<String, Cost> callbacks() {
        return callbacks;
    }

    /**
     * Returns what one call of {@code symbol} costs: the boot or runtime median, spread by the
     * jitter with {@code random} (a uniform draw in {@code [0, 1)}).
     */
    public long nanos(String symbol, boolean boot, DoubleSupplier random) {
        Cost cost = callbacks.get(symbol);
        if (cost == null) {
            return defaultNs;
        }
        long median = boot ? cost.bootNs() : cost.runtimeNs();
        if (cost.jitter() == 0 || median == 0) {
            return median;
        }
        double factor = 1 + cost.jitter() * (2 * random.getAsDouble() - 1);
        return Math.max(0, Math.round(median * factor));
    }
}
