package org.hotplugemu.api.driver;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * A {@link HotplugDriver} that stands for another one: same name, order and architectures, and its
 * {@code register} and {@code unregister} run with the context {@link #context} makes of the
 * machine's (by default the machine's own). For wrappers that record, count or inject into what
 * a driver does, usually with a {@link ForwardingDriverContext}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public abstract class ForwardingHotplugDriver implements HotplugDriver {
    private final HotplugDriver delegate;

    protected ForwardingHotplugDriver(HotplugDriver delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** Returns the driver this one stands for. */
    public final HotplugDriver delegate() {
        return delegate;
    }

    /** Returns the context the delegate gets for {@code machine}'s context; the machine's own by default. */
    protected DriverContext context(DriverContext machine) {
        return machine;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int order() {
        return delegate.order();
    }

    @Override
    public Set<String> architectures() {
        return delegate.architectures();
    }

    @Override
    public void register(DriverContext context) {
        delegate.register(context(context));
    }

    @Override
    public void unregister(DriverContext context) {
        delegate.unregister(context(context));
    }
}
