package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.ResourceTracker;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.engine.EngineActivity;
import org.hotplugemu.core.engine.PluginLoaderScope;
import org.hotplugemu.core.sysdev.SystemDevices;
import org.hotplugemu.core.sysfs.VirtualFs;
import org.hotplugemu.api.trace.Tracer;

/**
 * Registers driver plugins in their explicit order, each with its own {@link DriverContext}.
 * Loading and unloading run plugin code that blocks on engine primitives, so they are serialised by
 * the emulated {@code module_mutex}, never by a Java monitor.
 */
public final class DriverHost {
    private final List<HotplugDriver> drivers;
    private final String architecture;
    private final Mutex moduleMutex;
    /** Guarded by {@link #moduleMutex}. */
    private final java.util.Map<String, Loaded> loaded = new java.util.LinkedHashMap<>();
    private volatile SystemDevices systemDevices;
    /** Which driver created which state and instance, so that none removes another's (files and handlers record their own owners). */
    private final Ownership ownership = new Ownership();
    private final ServiceDirectory services = new ServiceDirectory();

    /**
     * Hosts {@code drivers}, which apply to {@code architecture} and come in registration order
     * (see {@link MachineDrivers#create}).
     */
    public DriverHost(List<? extends HotplugDriver> drivers, String architecture, Scheduler scheduler) {
        this.architecture = requireNonNull(architecture, "architecture is null");
        this.moduleMutex = requireNonNull(scheduler, "scheduler is null").newMutex("module_mutex");
        Set<String> names = new HashSet<>();
        for (HotplugDriver driver : drivers) {
            String name = driver.name();
            if (name == null || name.isBlank()) {
                throw new HotplugException(Errno.EINVAL, "driver " + driver.getClass().getName() + " has a blank name");
            }
            if (!names.add(name)) {
                throw new HotplugException(Errno.EINVAL, "two drivers are named '" + name + "'; driver names must be unique");
            }
        }
        this.drivers = List.copyOf(drivers);
    }

    /** Gives the drivers loaded from now on the machine's system device hot-plug handlers, each driver its own names. */
    public void setSystemDevices(SystemDevices systemDevices) {
        this.systemDevices = requireNonNull(systemDevices, "systemDevices is null");
    }

    /** Returns the drivers that apply to this architecture, in registration order. */
    public List<HotplugDriver> drivers() {
        return drivers;
    }

    /** Registers every driver; a failure names the driver. */
    public void registerAll(CpuHotplug hotplug, Scheduler scheduler, KernelLog log, Tracer tracer, VirtualFs files, ResourceLedger ledger) {
        for (HotplugDriver driver : drivers) {
            load(driver, hotplug, scheduler, log, tracer, files, ledger);
        }
    }

    /** Registers one driver ({@code insmod}); EEXIST when one of that name is loaded. */
    public void load(HotplugDriver driver, CpuHotplug hotplug, Scheduler scheduler, KernelLog log, Tracer tracer, VirtualFs files, ResourceLedger ledger) {
        CallChain.enter("do_init_module");
        moduleMutex.lock();
        try {
            if (loaded.containsKey(driver.name())) {
                throw new HotplugException(Errno.EEXIST, "driver " + driver.name() + " is already loaded");
            }
            OwnedFiles ownedFiles = new OwnedFiles(files, driver.name());
            OwnedHandlers handlers = systemDevices == null ? null : new OwnedHandlers(systemDevices, driver.name());
            DriverContext context = new Context(new OwnedHotplug(ledger.observe(driver.name(), hotplug), driver.name(), ownership),
                    scheduler, log, tracer, ownedFiles, ledger.trackerFor(driver.name()),
                    services.forDriver(driver.name()), architecture, handlers);
            String activity = EngineActivity.enter("register() of driver " + driver.name());
            CallChain.enter(driver.name() + "_init [" + driver.name() + "]");
            try (PluginLoaderScope plugin = PluginLoaderScope.of(driver)) {
                driver.register(context);
            }
            catch (RuntimeException | LinkageError | AssertionError e) {
                // A module whose init failed is gone, and so is what it published.
                services.withdrawAll(driver.name());
                throw registrationFailure(driver, e);
            }
            finally {
                CallChain.exit();
                EngineActivity.exit(activity);
            }
            loaded.put(driver.name(), new Loaded(driver, context, ownedFiles, handlers, ledger));
        }
        finally {
            moduleMutex.unlock();
            CallChain.exit();
        }
    }

    private static RuntimeException registrationFailure(HotplugDriver driver, Throwable e) {
        if (e instanceof HotplugException failure) {
            return new DriverRegistrationException(driver.name(), failure.errno(),
                    "driver " + driver.name() + " failed to register: " + e.getMessage(), e);
        }
        // A bug in the plugin, not the kernel's doing: name the driver and keep the cause for --verbose.
        return new DriverRegistrationException(driver.name(), Errno.EIO,
                "driver " + driver.name() + " failed to register: its register() threw " + e, e);
    }

    /**
     * Unregisters one driver ({@code rmmod}) and returns what it set up through its context and
     * still has: states, instances, files, handlers, resources held on some CPU; empty when its
     * {@code unregister} undid everything. ENOENT when none of that name is loaded.
     */
    public List<Leftover> unload(String name) {
        CallChain.enter("__do_sys_delete_module");
        moduleMutex.lock();
        try {
            Loaded entry = loaded.get(name);
            if (entry == null) {
                throw new HotplugException(Errno.ENOENT, "no driver named '" + name + "' is loaded; loaded: " + loaded.keySet());
            }
            CallChain.enter(name + "_exit [" + name + "]");
            try (PluginLoaderScope plugin = PluginLoaderScope.of(entry.driver())) {
                entry.driver().unregister(entry.context());
            }
            finally {
                CallChain.exit();
            }
            loaded.remove(name);
            services.withdrawAll(name);
            return entry.leftovers(ownership);
        }
        finally {
            moduleMutex.unlock();
            CallChain.exit();
        }
    }

    private record Loaded(HotplugDriver driver, DriverContext context, OwnedFiles files, OwnedHandlers handlers, ResourceLedger ledger) {
        /** By kind: states, instances, files, handlers, then resources still held. */
        List<Leftover> leftovers(Ownership ownership) {
            String name = driver.name();
            List<Leftover> leftovers = new ArrayList<>(ownership.unloaded(name));
            leftovers.addAll(files.leftovers());
            if (handlers != null) {
                leftovers.addAll(handlers.leftovers());
            }
            leftovers.addAll(ledger.leftovers(name));
            return List.copyOf(leftovers);
        }
    }

    private record Context(CpuHotplug hotplug, Scheduler scheduler, KernelLog log, Tracer tracer, VirtualFiles files,
            ResourceTracker resources, org.hotplugemu.api.driver.DriverServices services, String architecture, org.hotplugemu.api.driver.SystemDeviceHandlers sysdev) implements DriverContext {
        @Override
        public org.hotplugemu.api.driver.SystemDeviceHandlers systemDevices() {
            return sysdev != null ? sysdev : DriverContext.super.systemDevices();
        }
    }
}
