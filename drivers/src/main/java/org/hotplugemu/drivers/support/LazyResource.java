package org.hotplugemu.drivers.support;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;
import org.hotplugemu.core.api.PerCpuResource;

/**
 * A per-CPU resource account that may be used before its state number is known: a dynamic
 * state's startup runs for the CPUs already up during {@code setupState}, before the slot is
 * returned, so acquisitions are remembered and replayed into the tracker on {@link #bind}.
 *
 * <p>Experimental.
 */
public final class LazyResource implements PerCpuResource {
    private final BitSet early = new BitSet();
    private PerCpuResource delegate;

    /** Attaches the tracker's account and replays what happened before. */
    public synchronized void bind(PerCpuResource resource) {
        requireNonNull(resource, "resource is null");
        if (delegate != null) {
            throw new IllegalStateException("resource already bound");
        }
        delegate = resource;
        early.stream().forEach(resource::acquire);
        early.clear();
    }

    @Override
    public synchronized void acquire(int cpu) {
        if (delegate != null) {
            delegate.acquire(cpu);
        } else {
            early.set(cpu);
        }
    }

    @Override
    public synchronized void release(int cpu) {
        if (delegate != null) {
            delegate.release(cpu);
        } else {
            early.clear(cpu);
        }
    }

    @Override
    public synchronized boolean isHeld(int cpu) {
        return delegate != null ? delegate.isHeld(cpu) : early.get(cpu);
    }
}
