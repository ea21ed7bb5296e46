package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotplugemu.api.driver.DriverServices;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * The services the drivers of one machine publish for each other ({@link DriverServices}), each
 * owned by the driver that published it. One directory per machine: nothing is static, so two
 * machines in a JVM never see each other's services.
 */
public final class ServiceDirectory {
    private final Map<Class<?>, Published> services = new ConcurrentHashMap<>();

    /** Returns the view {@code driver} gets through its context. */
    public DriverServices forDriver(String driver) {
        requireNonNull(driver, "driver is null");
        return new DriverServices() {
            @Override
            public <T> void publish(Class<T> type, T service) {
                requireNonNull(type, "type is null");
                Published published = new Published(driver, type.cast(requireNonNull(service, "service is null")));
                Published before = services.compute(type, (key, old) -> old == null || old.owner().equals(driver) ? published : old);
                if (before != published) {
                    throw new HotplugException(Errno.EBUSY, "driver " + driver + " cannot publish " + type.getName()
                            + ": driver " + before.owner() + " published it");
                }
            }

            @Override
            public <T> Optional<T> lookup(Class<T> type) {
                return ServiceDirectory.this.lookup(type);
            }

            @Override
            public void withdraw(Class<?> type) {
                Published published = services.get(requireNonNull(type, "type is null"));
                if (published == null) {
                    return;
                }
                if (!published.owner().equals(driver)) {
                    throw new HotplugException(Errno.EPERM, "driver " + driver + " cannot withdraw " + type.getName()
                            + ": driver " + published.owner() + " published it");
                }
                services.remove(type, published);
            }

            @Override
            public String toString() {
                return "services of driver " + driver;
            }
        };
    }

    /** Returns this machine's {@code type}, if a loaded driver published one. */
    public <T> Optional<T> lookup(Class<T> type) {
        Published published = services.get(requireNonNull(type, "type is null"));
        return published == null ? Optional.empty() : Optional.of(type.cast(published.service()));
    }

    /** Withdraws everything {@code driver} published: it was unloaded, or its registration failed. */
    public void withdrawAll(String driver) {
        services.values().removeIf(published -> published.owner().equals(driver));
    }

    private record Published(String owner, Object service) {
    }
}
