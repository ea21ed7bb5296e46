package org.hotplugemu.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.MultiCallback;

/**
 * Records callback invocations as {@code "<symbol> cpu=<n> state=<cpu's state during the call>"}, and
 * builds callbacks that record themselves and optionally fail.
 */
public final class CallLog {
    private final List<String> calls = new ArrayList<>();

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clear() {
        calls.clear();
    }

    public synchronized List<String> matching(Predicate<String> filter) {
        return calls.stream().filter(filter).toList();
    }

    private synchronized void add(String call) {
        calls.add(call);
    }

    /** A callback that records {@code symbol cpu=N state=S}, reading the state through {@code hotplug}. */
    public Callback recording(String symbol, CpuHotplug[] hotplug) {
        return Callback.of(symbol, cpu -> add(symbol + " cpu=" + cpu + " state=" + hotplug[0].cpuState(cpu)));
    }

    /** A callback that records its call and fails with {@code errno} on {@code failCpu} (every CPU when -1). */
    public Callback failing(String symbol, int failCpu, Errno errno) {
        return Callback.of(symbol, cpu -> {
            add(symbol + " cpu=" + cpu);
            if (failCpu < 0 || cpu == failCpu) {
                throw new HotplugException(errno, symbol + " fails on CPU " + cpu);
            }
        });
    }

    /** A multi-instance callback recording {@code symbol cpu=N instance=name}. */
    public MultiCallback multi(String symbol, String failInstance) {
        return MultiCallback.of(symbol, (cpu, instance) -> {
            add(symbol + " cpu=" + cpu + " instance=" + instance.name());
            if (instance.name().equals(failInstance)) {
                throw new HotplugException(Errno.EAGAIN, symbol + " fails for " + instance.name());
            }
        });
    }
}
