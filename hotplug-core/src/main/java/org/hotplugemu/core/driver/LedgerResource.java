package org.hotplugemu.core.driver;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.core.driver.ResourceViolation.Kind;

/** One tracked resource: a CPU bitmap, its state (or {@link #UNBOUND}) and, per instance, its instance. */
final class LedgerResource implements PerCpuResource {
    static final int UNBOUND = -1;

    private final String driver;
    private volatile int state;
    private final String name;
    private final HotplugInstance instance;
    private final AtomicLongArray held;
    private final List<ResourceViolation> events;

    LedgerResource(String driver, int state, String name, HotplugInstance instance, int nrCpus, List<ResourceViolation> events) {
        this.driver = driver;
        this.state = state;
        this.name = name;
        this.instance = instance;
        this.held = new AtomicLongArray((nrCpus + 63) / 64);
        this.events = events;
    }

    String driver() {
        return driver;
    }

    String name() {
        return name;
    }

    int state() {
        return state;
    }

    HotplugInstance instance() {
        return instance;
    }

    String instanceName() {
        return instance == null ? null : instance.name();
    }

    @Override
    public void acquire(int cpu) {
        if (!flip(cpu, true) && state != UNBOUND) {
            events.add(new ResourceViolation(Kind.ACQUIRED_TWICE, driver, name, state, null, instanceName(), cpu, -1));
        }
    }

    @Override
    public void release(int cpu) {
        if (!flip(cpu, false) && state != UNBOUND) {
            events.add(new ResourceViolation(Kind.RELEASED_UNHELD, driver, name, state, null, instanceName(), cpu, -1));
        }
    }

    /** Sets the bit to {@code value}; returns false when it already had that value. */
    private boolean flip(int cpu, boolean value) {
        int index = cpu >>> 6;
        long bit = 1L << (cpu & 63);
        while (true) {
            long old = held.get(index);
            if (((old & bit) != 0) == value) {
                return false;
            }
            if (held.compareAndSet(index, old, value ? old | bit : old & ~bit)) {
                return true;
            }
        }
    }

    @Override
    public void bind(int boundState) {
        if (state != UNBOUND && state != boundState) {
            throw new IllegalStateException("resource '" + name + "' of driver " + driver + " is bound to state " + state + " already");
        }
        state = boundState;
    }

    @Override
    public boolean isHeld(int cpu) {
        return (held.get(cpu >>> 6) & (1L << (cpu & 63))) != 0;
    }

    @Override
    public String toString() {
        return "'" + name + "' of driver " + driver;
    }
}
