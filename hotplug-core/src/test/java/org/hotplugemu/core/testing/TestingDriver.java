package org.hotplugemu.core.testing;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;

/** A driver whose registration is a lambda, for tests. */
public final class TestingDriver implements HotplugDriver {
    private final String name;
    private final int order;
    private final Consumer<DriverContext> register;
    private final Consumer<DriverContext> unregister;

    public TestingDriver(String name, int order, Consumer<DriverContext> register, Consumer<DriverContext> unregister) {
        this.name = requireNonNull(name, "name is null");
        this.order = order;
        this.register = requireNonNull(register, "register is null");
        this.unregister = requireNonNull(unregister, "unregister is null");
    }

    public static TestingDriver of(String name, Consumer<DriverContext> register) {
        return new TestingDriver(name, 10_000, register, context -> {});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public void register(DriverContext context) {
        register.accept(context);
    }

    @Override
    public void unregister(DriverContext context) {
        unregister.accept(context);
    }
}
