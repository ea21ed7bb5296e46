package org.hotplugemu.drivers.support;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.DriverContext;

/**
 * Lets drivers of one machine find each other's subsystems (the load generator reaches the
 * workqueues, timers and RCU of its own machine), keyed weakly by the machine's scheduler so that
 * machines in one JVM never share state.
 *
 * <p>Experimental.
 */
public final class MachineServices {
    private static final Map<Scheduler, Map<Class<?>, Object>> BY_MACHINE = Collections.synchronizedMap(new WeakHashMap<>());

    private MachineServices() {
    }

    /** Makes {@code service} the machine's {@code type}. */
    public static <T> void publish(DriverContext context, Class<T> type, T service) {
        requireNonNull(service, "service is null");
        BY_MACHINE.computeIfAbsent(context.scheduler(), key -> Collections.synchronizedMap(new LinkedHashMap<>()))
                .put(type, service);
    }

    public static <T> Optional<T> lookup(DriverContext context, Class<T> type) {
        Map<Class<?>, Object> services = BY_MACHINE.get(context.scheduler());
        return services == null ? Optional.empty() : Optional.ofNullable(type.cast(services.get(type)));
    }

    public static void withdraw(DriverContext context, Class<?> type) {
        Map<Class<?>, Object> services = BY_MACHINE.get(context.scheduler());
        if (services != null) {
            services.remove(type);
        }
    }
}
