package org.hotplugemu.drivers.support;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.function.Supplier;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;

/**
 * A provider of one stock driver: its name, order and architectures, and a constructor called once
 * per machine. Each stock driver's provider is declared with {@code @AutoService}, so the machine
 * finds them all with {@link java.util.ServiceLoader}; there is no hand-kept list.
 *
 * <p>Experimental.
 */
public abstract class StockDriverProvider implements HotplugDriverProvider {
    private final String name;
    private final int order;
    private final Set<String> architectures;
    private final Supplier<? extends HotplugDriver> constructor;

    protected StockDriverProvider(String name, int order, Set<String> architectures, Supplier<? extends HotplugDriver> constructor) {
        this.name = requireNonNull(name, "name is null");
        this.order = order;
        this.architectures = Set.copyOf(architectures);
        this.constructor = requireNonNull(constructor, "constructor is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final Set<String> architectures() {
        return architectures;
    }

    @Override
    public final HotplugDriver create() {
        return constructor.get();
    }

    @Override
    public String toString() {
        return "provider of driver " + name;
    }
}
