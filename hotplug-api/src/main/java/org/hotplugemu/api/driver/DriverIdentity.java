package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Comparator;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a machine orders and filters drivers by: a name, a registration order and the architectures
 * the driver exists on. A {@link HotplugDriverProvider} answers before any driver is created; a
 * {@link HotplugDriver} handed to a machine directly (a test's fixture) answers for itself.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DriverIdentity {
    /** The order drivers register in: ascending {@link #order()}, then {@link #name()}. */
    Comparator<DriverIdentity> REGISTRATION_ORDER = Comparator.comparingInt(DriverIdentity::order).thenComparing(DriverIdentity::name);

    /** Returns a unique, non-blank name, e.g. {@code workqueue}. */
    String name();

    /**
     * Returns the registration order; stock drivers use the kernel's initcall order in steps of 10
     * (see the README); third-party drivers default to 10 000, after them.
     */
    default int order() {
        return 10_000;
    }

    /** Returns the architectures this driver exists on, or an empty set for all. */
    default Set<String> architectures() {
        return Set.of();
    }

    /** Returns whether the driver exists on {@code architecture}: it names it, or names none. */
    default boolean appliesTo(String architecture) {
        Set<String> architectures = architectures();
        return architectures.isEmpty() || architectures.contains(architecture);
    }
}
