package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.profile.BootPhase;
import org.hotplugemu.core.profile.BootPlan;
import org.hotplugemu.core.profile.BootStep;
import org.hotplugemu.core.profile.DynamicRange;
import org.hotplugemu.core.profile.Profile;

/**
 * The registration API the drivers see while the machine boots: a registration the profile's
 * {@link BootPlan} lists is held back and made in the plan's phase and order, with the plan's
 * choice of calls, the way the reference kernel's initcalls made it (early ones from the boot
 * context, others before or after {@code smp_init}); everything else goes straight through. The
 * caller gets at once what the kernel would return: 0 for a static state, for a dynamic one the
 * slot the reference boot gave it. After {@link #finish} every call goes straight through, so a
 * driver may keep this object for later (unregister, instances).
 */
final class BootSequencer implements CpuHotplug {
    private final CpuHotplug target;
    private final Profile profile;
    private final BootPlan plan;
    private final BootContextFlags bootContext;
    private final IntPredicate slotTaken;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<Integer, Pending> pendingByNumber = new HashMap<>();
    private boolean finished;

    BootSequencer(CpuHotplug target, Profile profile, BootContextFlags bootContext, IntPredicate slotTaken) {
        this.slotTaken = requireNonNull(slotTaken, "slotTaken is null");
        this.bootContext = requireNonNull(bootContext, "bootContext is null");
        this.target = requireNonNull(target, "target is null");
        this.profile = requireNonNull(profile, "profile is null");
        this.plan = profile.bootPlan();
    }

    /** Where the boot context's interrupt and preemption state for the trace goes. */
    interface BootContextFlags {
        void set(boolean irqsOff, int preemptDepth);
    }

    /** A held-back registration and what was done to it meanwhile (instances added). */
    private static final class Pending {
        final BootStep step;
        final int order;
        /** The dynamic slot promised to the driver, or -1 for a static state. */
        final int slot;
        final List<Runnable> actions = new ArrayList<>();

        Pending(BootStep step, int order, int slot) {
            this.step = step;
            this.order = order;
            this.slot = slot;
        }
    }

    /** Makes the held-back registrations of {@code phase}, in the plan's order. */
    void run(BootPhase phase) {
        List<Pending> due = pending.stream().filter(p -> p.step.phase() == phase)
                .sorted(Comparator.comparingInt(p -> p.order)).toList();
        for (Pending entry : due) {
            // The boot context's flags show in the trace only: early boot sleeps nowhere, and
            // might_sleep() stays quiet while the system is booting.
            bootContext.set(entry.step.irqsOff(), entry.step.preemptDepth());
            CallChain.enter("do_one_initcall"); // a later initcall level, as lockdep's call traces show it
            try {
                entry.actions.forEach(Runnable::run);
            }
            finally {
                CallChain.exit();
                bootContext.set(false, 0);
            }
        }
        pending.removeAll(due);
        pendingByNumber.values().removeIf(due::contains);
    }

    /** Ends the boot: from now on every call goes straight through. */
    void finish() {
        run(BootPhase.EARLY);
        run(BootPhase.BEFORE_SMP);
        run(BootPhase.AFTER_SMP);
        finished = true;
    }

    /**
     * Holds back a registration the plan lists; returns the kernel's return value, or empty when the
     * call must go straight through (not listed, boot over, or a dynamic slot the plan cannot name).
     */
    private Optional<Integer> hold(int state, String name, Runnable action) {
        if (finished || name == null) {
            return Optional.empty();
        }
        boolean dynamic = state == profile.apOnlineDyn().first() || state == profile.bpPrepareDyn().first();
        Optional<BootStep> step = plan.find(name);
        if (step.isEmpty() && !dynamic) {
            return Optional.empty();
        }
        int number = state;
        int returned = 0;
        int order;
        BootStep due;
        if (step.isPresent()) {
            due = step.get();
            order = plan.registrations().indexOf(due);
            if (dynamic) {
                Optional<Integer> slot = profile.bootSlot(name).filter(this::free);
                if (slot.isEmpty()) {
                    return Optional.empty();
                }
                number = slot.get();
                returned = number;
            }
        } else {
            // A dynamic state the plan does not know (a third-party driver): it registers after the
            // planned ones, like a late module_init, and gets the lowest slot they leave free.
            DynamicRange range = state == profile.apOnlineDyn().first() ? profile.apOnlineDyn() : profile.bpPrepareDyn();
            OptionalInt slot = IntStream.rangeClosed(range.first(), range.last()).filter(this::free).findFirst();
            if (slot.isEmpty()) {
                return Optional.empty();
            }
            due = new BootStep(name, BootPhase.AFTER_SMP, Optional.empty(), false, 0);
            order = plan.registrations().size() + pending.size();
            number = slot.getAsInt();
            returned = number;
        }
        Pending entry = new Pending(due, order, dynamic ? number : -1);
        entry.actions.add(action);
        pending.add(entry);
        pendingByNumber.put(number, entry);
        return Optional.of(returned);
    }

    /** Returns whether no registered state and no held-back registration has {@code slot}. */
    private boolean free(int slot) {
        return !pendingByNumber.containsKey(slot) && !slotTaken.test(slot);
    }

    /**
     * The state number a held-back registration is made at: for a dynamic one, the slot its driver
     * was told (a specific state in the dynamic range, which {@code cpuhp_store_callbacks} claims
     * as is). The lowest free slot would differ from the promise when a registration the plan lists
     * earlier never comes, e.g. an x86-only driver's on a plugin architecture; its slot stays empty.
     */
    private int promisedNumber(int state, String name) {
        return pending.stream().filter(p -> p.slot >= 0 && p.step.name().equals(name)).findFirst().map(p -> p.slot).orElse(state);
    }

    private boolean calls(String name, boolean asked) {
        return plan.find(name).flatMap(BootStep::calls).orElse(asked);
    }

    private int setup(int state, String name, Callback startup, Callback teardown, boolean asked, boolean cpusLocked) {
        Optional<Integer> held = hold(state, name, () -> {
            int number = promisedNumber(state, name);
            if (calls(name, asked)) {
                target.setupState(number, name, startup, teardown);
            } else {
                target.setupStateNoCalls(number, name, startup, teardown);
            }
        });
        if (held.isPresent()) {
            return held.get();
        }
        if (cpusLocked) {
            return asked ? target.setupStateCpusLocked(state, name, startup, teardown)
                    : target.setupStateNoCallsCpusLocked(state, name, startup, teardown);
        }
        return asked ? target.setupState(state, name, startup, teardown) : target.setupStateNoCalls(state, name, startup, teardown);
    }

    @Override
    public int setupState(int state, String name, Callback startup, Callback teardown) {
        return setup(state, name, startup, teardown, true, false);
    }

    @Override
    public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
        return setup(state, name, startup, teardown, false, false);
    }

    @Override
    public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup(state, name, startup, teardown, true, true);
    }

    @Override
    public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
        return setup(state, name, startup, teardown, false, true);
    }

    @Override
    public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
        return hold(state, name, () -> target.setupMultiState(promisedNumber(state, name), name, startup, teardown))
                .orElseGet(() -> target.setupMultiState(state, name, startup, teardown));
    }

    @Override
    public void addInstance(int state, HotplugInstance instance) {
        Pending entry = finished ? null : pendingByNumber.get(state);
        if (entry != null) {
            entry.actions.add(() -> target.addInstance(state, instance));
        } else {
            target.addInstance(state, instance);
        }
    }

    @Override
    public void addInstanceNoCalls(int state, HotplugInstance instance) {
        Pending entry = finished ? null : pendingByNumber.get(state);
        if (entry != null) {
            entry.actions.add(() -> target.addInstanceNoCalls(state, instance));
        } else {
            target.addInstanceNoCalls(state, instance);
        }
    }

    @Override
    public void removeInstance(int state, HotplugInstance instance) {
        target.removeInstance(state, instance);
    }

    @Override
    public void removeInstanceNoCalls(int state, HotplugInstance instance) {
        target.removeInstanceNoCalls(state, instance);
    }

    @Override
    public void removeState(int state) {
        target.removeState(state);
    }

    @Override
    public void removeStateNoCalls(int state) {
        target.removeStateNoCalls(state);
    }

    @Override
    public int state(String kernelName) {
        return target.state(kernelName);
    }

    @Override
    public void cpusReadLock() {
        target.cpusReadLock();
    }

    @Override
    public void cpusReadUnlock() {
        target.cpusReadUnlock();
    }

    @Override
    public SmpbootThreads registerSmpbootThread(SmpbootThread thread) {
        return target.registerSmpbootThread(thread);
    }

    @Override
    public CpuMask possibleMask() {
        return target.possibleMask();
    }

    @Override
    public CpuMask presentMask() {
        return target.presentMask();
    }

    @Override
    public CpuMask onlineMask() {
        return target.onlineMask();
    }

    @Override
    public CpuMask activeMask() {
        return target.activeMask();
    }

    @Override
    public CpuMask dyingMask() {
        return target.dyingMask();
    }

    @Override
    public int cpuState(int cpu) {
        return target.cpuState(cpu);
    }

    @Override
    public int nrCpuIds() {
        return target.nrCpuIds();
    }
}
