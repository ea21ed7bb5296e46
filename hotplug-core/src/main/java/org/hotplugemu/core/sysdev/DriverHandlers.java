package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.driver.SystemDeviceHandlers;
import org.hotplugemu.core.sysfs.Owner;

/** The handler registry behind the driver API's {@link SystemDeviceHandlers}, registering as one owner. */
final class DriverHandlers implements SystemDeviceHandlers {
    private final HandlerRegistry registry;
    private final Owner owner;

    DriverHandlers(HandlerRegistry registry, Owner owner) {
        this.registry = requireNonNull(registry, "registry is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    @Override
    public void register(Operation operation, Phase phase, int order, String name, Handler handler) {
        requireNonNull(handler, "handler is null");
        HotplugOperation op = HotplugOperation.valueOf(operation.name());
        registry.register(op, HotplugPhase.valueOf(phase.name()), order, name, (request, rollback) -> handler.handle(operation,
                new Targets(indexes(request, SystemDevice.Kind.CPU), indexes(request, SystemDevice.Kind.MEMORY)), rollback), owner);
    }

    @Override
    public void unregister(String name) {
        registry.unregister(name);
    }

    private static java.util.List<Integer> indexes(HotplugRequest request, SystemDevice.Kind kind) {
        return request.devices(kind).stream().map(SystemDevice::index).toList();
    }
}
