package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotplugemu.api.driver.SystemDeviceHandlers;
import org.hotplugemu.core.sysdev.HandlerRegistry;
import org.hotplugemu.core.sysdev.SystemDevices;
import org.hotplugemu.core.sysfs.Owner;

/**
 * One driver's system device handlers: a handler name belongs to whoever registered it first, so
 * registering under or unregistering a name of the core's ({@code cpu}, {@code memory},
 * {@code acpi_processor}, ...) or another driver's fails with EPERM and changes nothing.
 */
final class OwnedHandlers implements SystemDeviceHandlers {
    private final SystemDeviceHandlers inner;
    private final HandlerRegistry registry;
    private final String driver;
    private final Owner owner;

    OwnedHandlers(SystemDevices devices, String driver) {
        this.driver = requireNonNull(driver, "driver is null");
        this.owner = Owner.driver(driver);
        this.inner = devices.driverHandlers(owner);
        this.registry = devices.handlers();
    }

    @Override
    public void register(Operation operation, Phase phase, int order, String name, Handler handler) {
        checkOwn(name, "replace");
        inner.register(operation, phase, order, name, handler);
    }

    @Override
    public void unregister(String name) {
        checkOwn(name, "unregister");
        inner.unregister(name);
    }

    private void checkOwn(String name, String operation) {
        Owner found = registry.owner(name);
        if (found != null && !found.equals(owner)) {
            throw Ownership.denied(driver, operation + " system device handler '" + name + "'", "it belongs to " + found);
        }
    }

    /** Returns the names under which this driver still has handlers registered. */
    List<Leftover> leftovers() {
        return registry.namesOf(owner).stream().map(name -> Leftover.handler(driver, name)).toList();
    }
}
