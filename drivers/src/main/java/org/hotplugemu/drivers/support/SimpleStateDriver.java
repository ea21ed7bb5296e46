package org.hotplugemu.drivers.support;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.PerCpuResource;

/**
 * A driver whose states model one per-CPU resource each (a cache, a counter, a device node): a
 * state with both callbacks sets the resource up in its startup and frees it in its teardown,
 * accounted through {@link DriverContext#resources()}; a one-way state (a "dead" or "prepare"
 * callback alone) counts its invocations. Multi-instance states account one resource per instance.
 *
 * <p>Instances are per machine: create a new driver object for each machine. Experimental.
 */
public abstract class SimpleStateDriver implements HotplugDriver {
    private final String name;
    private final int order;
    private final Set<String> architectures;
    private final List<StateSpec> specs;
    private final List<Integer> registered = new ArrayList<>();
    private final List<Runnable> instanceRemovals = new ArrayList<>();

    protected SimpleStateDriver(String name, int order, Set<String> architectures, StateSpec... specs) {
        this.name = requireNonNull(name, "name is null");
        this.order = order;
        this.architectures = Set.copyOf(architectures);
        this.specs = List.of(specs);
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
    public Set<String> architectures() {
        return architectures;
    }

    /** Returns the states this driver registers, in registration order. */
    public List<StateSpec> states() {
        return specs;
    }

    @Override
    public void register(DriverContext context) {
        Registrar registrar = new Registrar(context);
        try {
            for (StateSpec spec : specs) {
                if (!spec.applies(registrar::exists)) {
                    continue;
                }
                if (spec.multi()) {
                    registerMulti(context, registrar, spec);
                } else {
                    registerSingle(context, registrar, spec);
                }
            }
        } catch (RuntimeException e) {
            // A failing module init undoes what it registered, or its callbacks outlive the module.
            unregister(context);
            throw e;
        }
    }

    private void registerSingle(DriverContext context, Registrar registrar, StateSpec spec) {
        if (!registrar.exists(spec.enumName())) {
            return; // this kernel version has no such subsystem state
        }
        PerCpuResource resource = context.resources().track(spec.name());
        int state = registrar.single(spec.enumName(), spec.name(),
                spec.startupSymbol(), resource::acquire, spec.teardownSymbol(), resource::release, spec.calls());
        registered.add(state);
        if (spec.symmetric()) {
            resource.bind(state);
            if (!spec.calls()) {
                registrar.initCpusAtOrAbove(state, resource::acquire);
            }
        }
    }

    private void registerMulti(DriverContext context, Registrar registrar, StateSpec spec) {
        if (!registrar.exists(spec.enumName())) {
            return;
        }
        int state = registrar.multi(spec.enumName(), spec.name(),
                spec.startupSymbol(), (cpu, instance) -> ((Instance) instance).resource.acquire(cpu),
                spec.teardownSymbol(), (cpu, instance) -> ((Instance) instance).resource.release(cpu));
        registered.add(state);
        for (String instanceName : spec.instances()) {
            Instance instance = new Instance(instanceName, context.resources().track(spec.name() + " " + instanceName));
            if (spec.symmetric()) {
                instance.resource.bind(state);
            }
            if (spec.calls()) {
                context.hotplug().addInstance(state, instance);
            } else {
                context.hotplug().addInstanceNoCalls(state, instance);
                if (spec.symmetric()) {
                    registrar.initCpusAtOrAbove(state, instance.resource::acquire);
                }
            }
            instanceRemovals.add(0, () -> context.hotplug().removeInstance(state, instance));
        }
    }

    @Override
    public void unregister(DriverContext context) {
        instanceRemovals.forEach(Runnable::run);
        instanceRemovals.clear();
        for (int i = registered.size() - 1; i >= 0; i--) {
            context.hotplug().removeState(registered.get(i));
        }
        registered.clear();
    }

    /** One instance of a multi-instance state with its own per-CPU account. */
    private static final class Instance implements HotplugInstance {
        private final String name;
        private final PerCpuResource resource;

        private Instance(String name, PerCpuResource resource) {
            this.name = name;
            this.resource = resource;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Shorthand for driver tables: no architecture restriction. */
    protected static Set<String> allArchitectures() {
        return Set.of();
    }

    /** Shorthand for driver tables. */
    protected static Set<String> only(String architecture) {
        return Set.of(architecture);
    }

}
