package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.ForwardingDriverContext;
import org.hotplugemu.api.driver.ForwardingHotplugDriver;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.ResourceTracker;

/** A driver seen through a {@link RegistrationRecorder}: same name and order, its hotplug API intercepted. */
final class InterceptingDriver extends ForwardingHotplugDriver {
    private final RegistrationRecorder recorder;

    InterceptingDriver(HotplugDriver driver, RegistrationRecorder recorder) {
        super(driver);
        this.recorder = requireNonNull(recorder, "recorder is null");
    }

    RegistrationRecorder recorder() {
        return recorder;
    }

    @Override
    protected DriverContext context(DriverContext machine) {
        return new Context(machine, new InterceptingHotplug(machine.hotplug(), recorder), recorder);
    }

    /** The machine's context with the hotplug API intercepted and tracked resources counted. */
    private static final class Context extends ForwardingDriverContext {
        private final CpuHotplug hotplug;
        private final RegistrationRecorder recorder;

        Context(DriverContext inner, CpuHotplug hotplug, RegistrationRecorder recorder) {
            super(inner);
            this.hotplug = hotplug;
            this.recorder = recorder;
        }

        @Override
        public CpuHotplug hotplug() {
            return hotplug;
        }

        @Override
        public ResourceTracker resources() {
            ResourceTracker tracker = delegate().resources();
            return new ResourceTracker() {
                @Override
                public PerCpuResource track(int state, String resourceName) {
                    return new Counted(tracker.track(state, resourceName), resourceName, recorder);
                }

                @Override
                public PerCpuResource track(String resourceName) {
                    return new Counted(tracker.track(resourceName), resourceName, recorder);
                }

                @Override
                public PerCpuResource track(int state, HotplugInstance instance, String resourceName) {
                    return new Counted(tracker.track(state, instance, resourceName), resourceName, recorder);
                }

                @Override
                public void untrack(PerCpuResource resource) {
                    tracker.untrack(resource instanceof Counted counted ? counted.inner() : resource);
                }
            };
        }
    }

    /** A resource whose acquires and releases the recorder counts while a registration call runs. */
    private record Counted(PerCpuResource inner, String name, RegistrationRecorder recorder) implements PerCpuResource {
        @Override
        public void acquire(int cpu) {
            recorder.resource(name, cpu, 1);
            inner.acquire(cpu);
        }

        @Override
        public void release(int cpu) {
            recorder.resource(name, cpu, -1);
            inner.release(cpu);
        }

        @Override
        public boolean isHeld(int cpu) {
            return inner.isHeld(cpu);
        }

        @Override
        public void bind(int state) {
            inner.bind(state);
        }
    }
}
