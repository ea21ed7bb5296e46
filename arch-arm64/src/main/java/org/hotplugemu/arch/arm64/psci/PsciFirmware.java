package org.hotplugemu.arch.arm64.psci;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.hotplugemu.arch.arm64.topology.Mpidr;

/**
 * Emulated PSCI 1.1 firmware (SMCCC v1.0) behind one conduit: the per-core power state machine
 * OFF → ON_PENDING → ON → (CPU_OFF latency) → OFF, and every return code.
 *
 * <p>CPU_ON(target, entry, context) checks, in order: unknown target → INVALID_PARAMETERS; entry
 * outside RAM or not 4-byte aligned → INVALID_ADDRESS; target ON (including a core still inside
 * its CPU_OFF latency) → ALREADY_ON; target ON_PENDING → ON_PENDING; target kept disabled, or
 * refused after CPU_OFF by {@link PsciFault#DENY_ON_AFTER_OFF} → DENIED; power-on failure
 * ({@link PsciFault#CPU_ON_INTERNAL_FAILURE}) → INTERNAL_FAILURE, the core stays OFF. Otherwise the
 * core becomes ON_PENDING, the {@link PowerOnListener} is told to power it on, and it stays
 * ON_PENDING until it calls {@link #warmBootEntered}.
 *
 * <p>CPU_OFF never returns to a caller on success on real hardware; here {@link #call} returns
 * SUCCESS and the caller must stop running. The core reads ON for {@code cpuOffLatency} more,
 * then OFF. It returns DENIED on the core a trusted OS lives on (not migrate capable).
 * AFFINITY_INFO supports level 0 only. CPU_SUSPEND, SYSTEM_OFF and SYSTEM_RESET are known ids but
 * not implemented (NOT_SUPPORTED, and PSCI_FEATURES says so); unknown ids, SMCCC_VERSION and calls
 * through the other conduit are NOT_SUPPORTED.
 *
 * <p>Thread-safe: calls come from several emulated CPUs; each is atomic and never blocks.
 * Experimental.
 */
public final class PsciFirmware {
    private static final long NOT_POWERING_DOWN = Long.MIN_VALUE;

    private enum Power { OFF, ON_PENDING, ON }

    private static final class Core {
        final long mpidr;
        Power power = Power.OFF;
        long offAt = NOT_POWERING_DOWN;
        long contextId;
        boolean heldPending;
        boolean refusedAfterOff;

        Core(long mpidr) {
            this.mpidr = mpidr;
        }
    }

    private record Outcome(long value, boolean returnCode, Core powerOn, long entry) {
        static Outcome code(long value) {
            return new Outcome(value, true, null, 0);
        }
    }

    private final PsciFirmwareConfig config;
    private final LongSupplier clock;
    private final PowerOnListener listener;
    private final PsciTrace trace;
    private final Map<Long, Core> cores = new LinkedHashMap<>();
    private final Map<PsciFault, Long> faults = new EnumMap<>(PsciFault.class);

    /**
     * @param clock engine time in nanoseconds, for the CPU_OFF latency
     */
    public PsciFirmware(PsciFirmwareConfig config, LongSupplier clock, PowerOnListener listener, PsciTrace trace) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.trace = requireNonNull(trace, "trace is null");
        for (long mpidr : config.mpidrs()) {
            cores.put(mpidr, new Core(mpidr));
        }
        cores.get(config.bootMpidr()).power = Power.ON;
    }

    public PsciConduit conduit() {
        return config.conduit();
    }

    /**
     * Traps into firmware from the core {@code callerMpidr} through {@code via}, as {@code smc #0} or
     * {@code hvc #0} with x0 = {@code functionId}, x1..x3 = arguments; returns x0.
     */
    public long call(PsciConduit via, long callerMpidr, long functionId, long arg0, long arg1, long arg2) {
        requireNonNull(via, "via is null");
        String name = PsciFunction.of(functionId).map(Enum::name).orElse("UNKNOWN");
        trace.call(name, functionId, arg0, arg1, arg2);
        Outcome outcome;
        synchronized (this) {
            outcome = via != config.conduit()
                    ? Outcome.code(PsciReturn.NOT_SUPPORTED)
                    : dispatch(Mpidr.mask(callerMpidr), functionId, arg0, arg1, arg2);
        }
        // Outside the lock: powering on spawns the core's thread.
        if (outcome.powerOn() != null) {
            listener.powerOn(outcome.powerOn().mpidr, outcome.entry(), outcome.powerOn().contextId);
        }
        trace.result(name, functionId, outcome.value(), outcome.returnCode());
        return outcome.value();
    }

    /**
     * Called by a powered-on core when it enters the warm-boot path: ON_PENDING → ON.
     *
     * @return the context id CPU_ON was given (x0 at the entry point)
     * @throws IllegalStateException when the core was not ON_PENDING (an emulator bug)
     */
    public synchronized long warmBootEntered(long mpidr) {
        Core core = requireCore(mpidr);
        if (core.power != Power.ON_PENDING) {
            throw new IllegalStateException("core " + Mpidr.format(mpidr) + " entered warm boot while " + core.power);
        }
        core.power = Power.ON;
        return core.contextId;
    }

    /** Returns whether the firmware manages the core {@code mpidr}. */
    public synchronized boolean manages(long mpidr) {
        return cores.containsKey(Mpidr.mask(mpidr));
    }

    /** Returns the AFFINITY_INFO value of {@code mpidr} now, without tracing (for tests and debugfs). */
    public synchronized int affinityInfo(long mpidr) {
        return affinity(power(requireCore(mpidr)));
    }

    /**
     * Arms {@code fault} for the core {@code mpidr}, or disarms it with -1. Disarming resets what the
     * fault left behind: a held ON_PENDING core goes OFF, a core stuck powering down reaches OFF, a
     * refusal after CPU_OFF is forgotten.
     */
    public synchronized void setFault(PsciFault fault, long mpidr) {
        requireNonNull(fault, "fault is null");
        if (mpidr != -1) {
            requireCore(mpidr);
        }
        Long previous = faults.remove(fault);
        if (previous != null) {
            reset(fault, cores.get(previous));
        }
        if (mpidr != -1) {
            faults.put(fault, mpidr);
        }
    }

    /** Returns the MPIDR {@code fault} is armed for, or -1. */
    public synchronized long fault(PsciFault fault) {
        return faults.getOrDefault(fault, -1L);
    }

    private void reset(PsciFault fault, Core core) {
        switch (fault) {
            case NEVER_RUNS -> {
                if (core.heldPending) {
                    core.heldPending = false;
                    core.power = Power.OFF;
                }
            }
            case NEVER_OFF -> {
                if (core.offAt == Long.MAX_VALUE) {
                    core.offAt = clock.getAsLong();
                }
            }
            case DENY_ON_AFTER_OFF -> core.refusedAfterOff = false;
            case CPU_ON_INTERNAL_FAILURE -> {
            }
        }
    }

    private Outcome dispatch(long caller, long functionId, long arg0, long arg1, long arg2) {
        var function = PsciFunction.of(functionId);
        if (function.isEmpty()) {
            return Outcome.code(PsciReturn.NOT_SUPPORTED);
        }
        if (PsciFunction.isSmc32(functionId)) {
            arg0 &= 0xffffffffL;
            arg1 &= 0xffffffffL;
            arg2 &= 0xffffffffL;
        }
        return switch (function.get()) {
            case PSCI_VERSION -> new Outcome(PsciReturn.VERSION_1_1, false, null, 0);
            case CPU_ON -> cpuOn(arg0, arg1, arg2);
            case CPU_OFF -> Outcome.code(cpuOff(caller));
            case AFFINITY_INFO -> affinityInfo(arg0, arg1);
            case MIGRATE_INFO_TYPE -> new Outcome(config.tosResidentMpidr() == -1
                    ? PsciReturn.TOS_NOT_PRESENT_MP : PsciReturn.TOS_UP_NO_MIGRATE, false, null, 0);
            case MIGRATE_INFO_UP_CPU -> config.tosResidentMpidr() == -1
                    ? Outcome.code(PsciReturn.NOT_SUPPORTED)
                    : new Outcome(config.tosResidentMpidr(), false, null, 0);
            case PSCI_FEATURES -> Outcome.code(features(arg0));
            case CPU_SUSPEND, SYSTEM_OFF, SYSTEM_RESET -> Outcome.code(PsciReturn.NOT_SUPPORTED);
        };
    }

    private Outcome cpuOn(long targetArgument, long entry, long contextId) {
        Core core = cores.get(Mpidr.mask(targetArgument));
        if (core == null) {
            return Outcome.code(PsciReturn.INVALID_PARAMETERS);
        }
        if (entry < config.ramBase() || entry - config.ramBase() >= config.ramSize() || (entry & 3) != 0) {
            return Outcome.code(PsciReturn.INVALID_ADDRESS);
        }
        Power power = power(core);
        if (power == Power.ON) {
            return Outcome.code(PsciReturn.ALREADY_ON);
        }
        if (power == Power.ON_PENDING) {
            return Outcome.code(PsciReturn.ON_PENDING);
        }
        if (config.disabled().contains(core.mpidr) || core.refusedAfterOff) {
            return Outcome.code(PsciReturn.DENIED);
        }
        if (armed(PsciFault.CPU_ON_INTERNAL_FAILURE, core)) {
            return Outcome.code(PsciReturn.INTERNAL_FAILURE);
        }
        core.power = Power.ON_PENDING;
        core.contextId = contextId;
        if (armed(PsciFault.NEVER_RUNS, core)) {
            core.heldPending = true;
            return Outcome.code(PsciReturn.SUCCESS);
        }
        return new Outcome(PsciReturn.SUCCESS, true, core, entry);
    }

    private long cpuOff(long caller) {
        Core core = cores.get(caller);
        if (core == null || power(core) != Power.ON || core.offAt != NOT_POWERING_DOWN) {
            // Only a running core can call; anything else is a caller the firmware does not manage.
            return PsciReturn.DENIED;
        }
        if (caller == config.tosResidentMpidr()) {
            return PsciReturn.DENIED;
        }
        if (armed(PsciFault.DENY_ON_AFTER_OFF, core)) {
            core.refusedAfterOff = true;
        }
        core.offAt = armed(PsciFault.NEVER_OFF, core)
                ? Long.MAX_VALUE
                : clock.getAsLong() + config.cpuOffLatency().toNanos();
        return PsciReturn.SUCCESS;
    }

    private Outcome affinityInfo(long target, long lowestLevel) {
        Core core = cores.get(Mpidr.mask(target));
        if (core == null || lowestLevel != 0) {
            return Outcome.code(PsciReturn.INVALID_PARAMETERS);
        }
        return new Outcome(affinity(power(core)), false, null, 0);
    }

    private long features(long queried) {
        var function = PsciFunction.of(queried);
        if (function.isEmpty()) {
            return PsciReturn.NOT_SUPPORTED;
        }
        return switch (function.get()) {
            case CPU_SUSPEND, SYSTEM_OFF, SYSTEM_RESET -> PsciReturn.NOT_SUPPORTED;
            case MIGRATE_INFO_UP_CPU -> config.tosResidentMpidr() == -1 ? PsciReturn.NOT_SUPPORTED : PsciReturn.SUCCESS;
            default -> PsciReturn.SUCCESS;
        };
    }

    private boolean armed(PsciFault fault, Core core) {
        Long mpidr = faults.get(fault);
        return mpidr != null && mpidr == core.mpidr;
    }

    /** Returns the core's state now, completing a CPU_OFF whose latency has passed. */
    private Power power(Core core) {
        if (core.offAt != NOT_POWERING_DOWN && clock.getAsLong() >= core.offAt) {
            core.offAt = NOT_POWERING_DOWN;
            core.power = Power.OFF;
        }
        return core.power;
    }

    private static int affinity(Power power) {
        return switch (power) {
            case ON -> PsciReturn.AFFINITY_ON;
            case OFF -> PsciReturn.AFFINITY_OFF;
            case ON_PENDING -> PsciReturn.AFFINITY_ON_PENDING;
        };
    }

    private Core requireCore(long mpidr) {
        Core core = cores.get(Mpidr.mask(mpidr));
        if (core == null) {
            throw new IllegalArgumentException("firmware manages no core with MPIDR " + Mpidr.format(mpidr));
        }
        return core;
    }
}
