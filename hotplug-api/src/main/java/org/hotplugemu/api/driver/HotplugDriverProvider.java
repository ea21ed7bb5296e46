package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The entry point of a driver plugin, found with {@link java.util.ServiceLoader}: annotate the
 * implementation with {@code @AutoService(HotplugDriverProvider.class)} (the annotation processor
 * writes {@code META-INF/services/org.hotplugemu.api.driver.HotplugDriverProvider}) and put its jar
 * in the distribution's {@code plugins/}. The implementation needs a public no-argument constructor
 * and should be stateless: one provider serves every machine of the JVM.
 *
 * <p>The machine orders and filters providers by {@link #order()}, {@link #name()} and
 * {@link #architectures()} without creating anything, then calls {@link #create()} once for each
 * provider that applies to its architecture, so every machine gets driver objects of its own: two
 * machines in one JVM never share a driver's fields.
 *
 * <pre>{@code
 * @AutoService(HotplugDriverProvider.class)
 * public final class MyDriverProvider implements HotplugDriverProvider {
 *     public String name() { return "mydriver"; }
 *     public HotplugDriver create() { return new MyDriver(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface HotplugDriverProvider extends DriverIdentity {
    /**
     * Returns the driver's unique, non-blank name, e.g. {@code workqueue}; the driver that
     * {@link #create()} returns must report the same {@link HotplugDriver#name()}.
     */
    @Override
    String name();

    /**
     * Creates the driver of one machine: a new object on every call, registered by that machine
     * only. Creation should only allocate; states, files and threads belong in
     * {@link HotplugDriver#register}. A thrown exception is a startup problem naming this provider.
     */
    HotplugDriver create();
}
