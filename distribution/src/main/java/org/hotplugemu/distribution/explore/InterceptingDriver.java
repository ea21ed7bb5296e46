package org.hotplugemu.distribution.explore;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.ResourceTracker;
import org.hotplugemu.api.trace.Tracer;

/** A driver seen through a {@link RegistrationRecorder}: same name and order, its hotplug API intercepted. */
final class InterceptingDriver implements HotplugDriver {
    private final HotplugDriver driver;
    private final RegistrationRecorder recorder;

    InterceptingDriver(HotplugDriver driver, RegistrationRecorder recorder) {
        this.driver = requireNonNull(driver, "driver is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
    }

    RegistrationRecorder recorder() {
        return recorder;
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public int order() {
        return driver.order();
    }

    @Override
    public Set<String> architectures() {
        return driver.architectures();
    }

    @Override
    public void register(DriverContext context) {
        driver.register(new Context(context, new InterceptingHotplug(context.hotplug(), recorder), recorder));
    }

    @Override
    public void unregister(DriverContext context) {
        driver.unregister(new Context(context, new InterceptingHotplug(context.hotplug(), recorder), recorder));
    }

    private record Context(DriverContext inner, CpuHotplug hotplug, RegistrationRecorder recorder) implements DriverContext {
        @Override
        public Scheduler scheduler() {
            return inner.scheduler();
        }

        @Override
        public KernelLog log() {
            return inner.log();
        }

        @Override
        public Tracer tracer() {
            return inner.tracer();
        }

        @Override
        public VirtualFiles files() {
            return inner.files();
        }

        @Override
        public ResourceTracker resources() {
            ResourceTracker tracker = inner.resources();
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
                public PerCpuResource track(int state, org.hotplugemu.api.driver.HotplugInstance instance, String resourceName) {
                    return new Counted(tracker.track(state, instance, resourceName), resourceName, recorder);
                }

                @Override
                public void untrack(PerCpuResource resource) {
                    tracker.untrack(resource instanceof Counted counted ? counted.inner() : resource);
                }
            };
        }

        @Override
        public org.hotplugemu.api.driver.DriverServices services() {
            return inner.services();
        }

        @Override
        public String architecture() {
            return inner.architecture();
        }

        @Override
        public org.hotplugemu.api.driver.SystemDeviceHandlers systemDevices() {
            return inner.systemDevices();
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
