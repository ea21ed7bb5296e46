package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The driver of one machine, created for it by a {@link HotplugDriverProvider} (which a plugin
 * declares with {@code @AutoService(HotplugDriverProvider.class)}); one object is registered by one
 * machine only, so its fields are that machine's.
 *
 * <p>At boot the machine registers drivers in ascending {@link #order()}, then name, on its init
 * thread, before bringing up secondary CPUs, so the order decides which dynamic slots they get;
 * a registration the profile's boot plan lists is made in the plan's phase and order instead (the
 * driver is told its slot at once), and a dynamic state the plan does not list is made after the
 * planned ones. A machine orders and filters by its providers' {@link HotplugDriverProvider#order()}
 * and {@link HotplugDriverProvider#architectures()}; this interface's {@link #order()} and
 * {@link #architectures()} matter only for a driver object handed to a machine directly (a test's
 * fixture), and a stock driver keeps them equal to its provider's.
 */
@API(status = STABLE, since = "0.1")
public interface HotplugDriver extends DriverIdentity {
    /** Returns a unique, non-blank name, e.g. {@code workqueue}; its provider's {@link HotplugDriverProvider#name()}. */
    @Override
    String name();

    /** Registers states, instances and threads. A thrown exception is a startup problem. */
    void register(DriverContext context);

    /** Undoes {@link #register}: removes states and instances. */
    default void unregister(DriverContext context) {
    }
}
