package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * A kernel version's state table: every {@code enum cpuhp_state} entry with its number, the
 * dynamic ranges, and the dynamic registrations of the reference boot in order. Numbers differ
 * between kernel versions, so the table is data. Instances are validated by {@link ProfileLoader}.
 */
public final class Profile {
    private final String name;
    private final String kernel;
    private final String arch;
    private final String description;
    private final List<StateDefinition> states;
    private final DynamicRange bpPrepareDyn;
    private final DynamicRange apOnlineDyn;
    private final List<BootRegistration> bootRegistrations;
    private final BootPlan bootPlan;
    private final CostModel costs;
    /** The kernel's {@code CONFIG_NR_CPUS}, default {@link #DEFAULT_NR_CPUS}. */
    private int nrCpus = DEFAULT_NR_CPUS;

    /** {@code CONFIG_NR_CPUS} of Debian's x86_64 kernels, the default. */
    public static final int DEFAULT_NR_CPUS = 8192;
    private final Map<String, StateDefinition> byEnumName = new HashMap<>();
    private final StateDefinition[] byNumber;
    /** The section boundaries, looked up once: the walker asks for them at every step. */
    private int online = -1;
    private int bringupCpu = -1;
    private int apIdleDead = -1;
    private int apOffline = -1;
    private int apOnline = -1;
    private int teardownCpu = -1;
    private int apOnlineIdle = -1;

    public Profile(String name, String kernel, String arch, String description, List<StateDefinition> states,
            DynamicRange bpPrepareDyn, DynamicRange apOnlineDyn, List<BootRegistration> bootRegistrations) {
        this(name, kernel, arch, description, states, bpPrepareDyn, apOnlineDyn, bootRegistrations, BootPlan.NONE, CostModel.NONE);
    }

    /** A profile with the reference boot's plan and callback costs. */
    public Profile(String name, String kernel, String arch, String description, List<StateDefinition> states,
            DynamicRange bpPrepareDyn, DynamicRange apOnlineDyn, List<BootRegistration> bootRegistrations,
            BootPlan bootPlan, CostModel costs) {
        this.bootPlan = requireNonNull(bootPlan, "bootPlan is null");
        this.costs = requireNonNull(costs, "costs is null");
        this.name = requireNonNull(name, "name is null");
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.arch = requireNonNull(arch, "arch is null");
        this.description = requireNonNull(description, "description is null");
        this.states = List.copyOf(states);
        this.bpPrepareDyn = requireNonNull(bpPrepareDyn, "bpPrepareDyn is null");
        this.apOnlineDyn = requireNonNull(apOnlineDyn, "apOnlineDyn is null");
        this.bootRegistrations = List.copyOf(bootRegistrations);
        int max = this.states.stream().mapToInt(StateDefinition::number).max().orElse(0);
        this.byNumber = new StateDefinition[max + 1];
        for (StateDefinition state : this.states) {
            byEnumName.put(state.enumName(), state);
            byNumber[state.number()] = state;
        }
    }

    public String name() {
        return name;
    }

    /** Returns the kernel version, e.g. {@code 6.1}. */
    public String kernel() {
        return kernel;
    }

    /** Returns the architecture this profile was captured on, e.g. {@code x86}. */
    public String arch() {
        return arch;
    }

    public String description() {
        return description;
    }

    /** Returns every enum entry in ascending number order. */
    public List<StateDefinition> states() {
        return states;
    }

    public DynamicRange bpPrepareDyn() {
        return bpPrepareDyn;
    }

    public DynamicRange apOnlineDyn() {
        return apOnlineDyn;
    }

    /** Returns the dynamic registrations of the reference boot, in registration order. */
    public List<BootRegistration> bootRegistrations() {
        return bootRegistrations;
    }

    /** Returns how the reference kernel's boot registered its states ({@link BootPlan#NONE} when the profile does not say). */
    public BootPlan bootPlan() {
        return bootPlan;
    }

    /** Sets {@code CONFIG_NR_CPUS} (used by the loader); returns this profile. */
    Profile withNrCpus(int value) {
        this.nrCpus = value;
        return this;
    }

    private java.util.Map<String, Integer> eventIds = java.util.Map.of();
    private String banner;

    /** Sets the kernel's banner (used by the loader; null for the default); returns this profile. */
    Profile withBanner(String value) {
        this.banner = value;
        return this;
    }

    /**
     * Returns the kernel's banner, the first line of its dmesg and its {@code /proc/version}, e.g.
     * {@code Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) ...}; a profile that
     * gives none gets {@code Linux version KERNEL (hotplug-emu) ARCH, profile NAME}.
     */
    public String banner() {
        return banner != null ? banner : "Linux version " + kernel + " (hotplug-emu) " + arch + ", profile " + name;
    }

    /** Returns {@link #kernel()} as a version. */
    public org.hotplugemu.arch.spi.KernelVersion kernelVersion() {
        return org.hotplugemu.arch.spi.KernelVersion.parse(kernel);
    }

    /** Sets the trace event ids (used by the loader); returns this profile. */
    Profile withEventIds(java.util.Map<String, Integer> ids) {
        this.eventIds = java.util.Map.copyOf(ids);
        return this;
    }

    /** Returns the kernel's trace event ids by {@code system:event}, e.g. {@code cpuhp:cpuhp_enter}. */
    public java.util.Map<String, Integer> eventIds() {
        return eventIds;
    }

    /** Returns the kernel's {@code CONFIG_NR_CPUS}: {@code cpu/kernel_max} shows one less. */
    public int nrCpus() {
        return nrCpus;
    }

    /** Returns the callbacks' virtual costs ({@link CostModel#NONE} when the profile does not say). */
    public CostModel costs() {
        return costs;
    }

    /** Returns the slot the reference boot gave the dynamic state registered as {@code name}, if any. */
    public Optional<Integer> bootSlot(String name) {
        return bootRegistrations.stream().filter(registration -> registration.name().equals(name))
                .map(BootRegistration::number).findFirst();
    }

    /**
     * Returns a state's number by its enum name, with or without the {@code CPUHP_} prefix.
     *
     * @throws HotplugException EINVAL when this kernel has no such state
     */
    public int number(String enumName) {
        return find(enumName).map(StateDefinition::number).orElseThrow(() -> new HotplugException(Errno.EINVAL,
                "profile " + name + " has no state " + enumName + " (names are the enum cpuhp_state entries of Linux " + kernel + ")"));
    }

    public Optional<StateDefinition> find(String enumName) {
        String full = enumName.startsWith("CPUHP_") ? enumName : "CPUHP_" + enumName;
        return Optional.ofNullable(byEnumName.get(full));
    }

    public Optional<StateDefinition> byNumber(int number) {
        if (number < 0 || number >= byNumber.length) {
            return Optional.empty();
        }
        return Optional.ofNullable(byNumber[number]);
    }

    public int online() {
        int cached = online;
        if (cached < 0) {
            cached = number("CPUHP_ONLINE");
            online = cached;
        }
        return cached;
    }

    public int bringupCpu() {
        int cached = bringupCpu;
        if (cached < 0) {
            cached = number("CPUHP_BRINGUP_CPU");
            bringupCpu = cached;
        }
        return cached;
    }

    public int apIdleDead() {
        int cached = apIdleDead;
        if (cached < 0) {
            cached = number("CPUHP_AP_IDLE_DEAD");
            apIdleDead = cached;
        }
        return cached;
    }

    public int apOffline() {
        int cached = apOffline;
        if (cached < 0) {
            cached = number("CPUHP_AP_OFFLINE");
            apOffline = cached;
        }
        return cached;
    }

    public int apOnline() {
        int cached = apOnline;
        if (cached < 0) {
            cached = number("CPUHP_AP_ONLINE");
            apOnline = cached;
        }
        return cached;
    }

    public int teardownCpu() {
        int cached = teardownCpu;
        if (cached < 0) {
            cached = number("CPUHP_TEARDOWN_CPU");
            teardownCpu = cached;
        }
        return cached;
    }

    public int apOnlineIdle() {
        int cached = apOnlineIdle;
        if (cached < 0) {
            cached = number("CPUHP_AP_ONLINE_IDLE");
            apOnlineIdle = cached;
        }
        return cached;
    }

    /** Returns {@code CPUHP_BP_KICK_AP} (kernels with parallel bringup), or empty. */
    public Optional<Integer> bpKickAp() {
        return find("CPUHP_BP_KICK_AP").map(StateDefinition::number);
    }

    public Section sectionOf(int state) {
        if (state <= 0) {
            return Section.OFFLINE;
        }
        if (state <= bringupCpu()) {
            return Section.PREPARE;
        }
        if (state <= apOnline()) {
            return Section.STARTING;
        }
        if (state == teardownCpu()) {
            return Section.TEARDOWN;
        }
        return Section.ONLINE;
    }

    /** {@code cpuhp_is_ap_state}: runs on the plugged CPU (STARTING or ONLINE, not TEARDOWN_CPU). */
    public boolean isApState(int state) {
        return state > bringupCpu() && state != teardownCpu();
    }

    /** {@code cpuhp_is_atomic_state}: STARTING/DYING callbacks, run with interrupts off ({@code AP_IDLE_DEAD <= s < AP_ONLINE}). */
    public boolean isAtomicState(int state) {
        return state >= apIdleDead() && state < apOnline();
    }
}
