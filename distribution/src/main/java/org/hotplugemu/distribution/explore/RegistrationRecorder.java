package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * What a driver's dynamic and multi-instance registrations did, call by call, and where to make one
 * fail: the {@code k}-th such call's startup on one CPU fails with EAGAIN before the driver's own
 * startup runs, as the kernel's {@code hotplug/fail} check in {@code cpuhp_invoke_callback} does.
 */
final class RegistrationRecorder {
    /** One {@code cpuhp_setup_state} on a dynamic state or one {@code cpuhp_state_add_instance}. */
    static final class Call {
        final int index;
        final String kind;
        final String name;
        final boolean hasTeardown;
        final List<Integer> startups = new ArrayList<>();
        final List<Integer> teardowns = new ArrayList<>();
        /** Resource name to CPU to acquires minus releases during the call. */
        final Map<String, Map<Integer, Integer>> held = new TreeMap<>();
        int failedCpu = -1;

        Call(int index, String kind, String name, boolean hasTeardown) {
            this.index = index;
            this.kind = kind;
            this.name = name;
            this.hasTeardown = hasTeardown;
        }
    }

    private final int failCall;
    private final int failCpu;
    private final List<Call> calls = new ArrayList<>();
    private Call active;

    /** A recorder that fails call {@code failCall} on {@code failCpu}; -1 records without failing. */
    RegistrationRecorder(int failCall, int failCpu) {
        this.failCall = failCall;
        this.failCpu = failCpu;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void begin(String kind, String name, boolean hasTeardown) {
        active = new Call(calls.size(), kind, name, hasTeardown);
        calls.add(active);
    }

    synchronized void end() {
        active = null;
    }

    /** Notes a startup on {@code cpu}; throws EAGAIN when this is the armed call and CPU. */
    synchronized void startup(int cpu) {
        if (active == null) {
            return;
        }
        if (active.index == failCall && cpu == failCpu) {
            active.failedCpu = cpu;
            throw new HotplugException(Errno.EAGAIN, "explore: " + active.kind + " registration " + active.name
                    + " failed on CPU " + cpu + " by fault injection");
        }
        active.startups.add(cpu);
    }

    /** Notes an acquire ({@code +1}) or release ({@code -1}) of a driver's per-CPU resource. */
    synchronized void resource(String name, int cpu, int delta) {
        if (active != null) {
            active.held.computeIfAbsent(name, key -> new TreeMap<>()).merge(cpu, delta, Integer::sum);
        }
    }

    synchronized void teardown(int cpu) {
        if (active != null) {
            active.teardowns.add(cpu);
        }
    }

    /**
     * Checks {@code cpuhp_rollback_install}'s promise for the failed call: the startup ran on no CPU
     * after the failing one, and every CPU before it that got the startup got the teardown.
     */
    synchronized List<String> rollbackProblems() {
        List<String> problems = new ArrayList<>();
        for (Call call : calls) {
            if (call.index != failCall) {
                continue;
            }
            if (call.failedCpu < 0) {
                problems.add(call.kind + " registration " + call.name + " never invoked its startup on CPU " + failCpu);
                continue;
            }
            List<Integer> after = call.startups.stream().filter(cpu -> cpu > call.failedCpu).toList();
            if (!after.isEmpty()) {
                problems.add(call.kind + " registration " + call.name + " went on to CPUs " + after + " after failing on CPU " + call.failedCpu);
            }
            List<Integer> expected = call.hasTeardown ? call.startups.stream().filter(cpu -> cpu < call.failedCpu).sorted().toList() : List.of();
            List<Integer> actual = call.teardowns.stream().sorted().toList();
            if (!actual.equals(expected)) {
                problems.add(call.kind + " registration " + call.name + " failed on CPU " + call.failedCpu + ": rollback tore down CPUs "
                        + actual + ", expected " + expected);
            }
            // Without a teardown the kernel has nothing to roll back with: what the startups set up stays.
            call.held.forEach((resource, cpus) -> cpus.forEach((cpu, count) -> {
                if (call.hasTeardown && count != 0) {
                    problems.add(call.kind + " registration " + call.name + " failed on CPU " + call.failedCpu + ": resource '" + resource
                            + "' " + (count > 0 ? "still held" : "released more often than acquired") + " on CPU " + cpu + " after the rollback");
                }
            }));
        }
        return problems;
    }
}
