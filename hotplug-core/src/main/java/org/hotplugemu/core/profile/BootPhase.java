package org.hotplugemu.core.profile;

/**
 * When the kernel makes a boot-time registration, relative to SMP bring-up ({@code smp_init}).
 *
 * <p>Experimental.
 */
public enum BootPhase {
    /** In {@code start_kernel}, from the boot context ({@code <idle>-0}), before any hotplug thread exists. */
    EARLY("early"),
    /** In an early initcall of {@code swapper/0}, before {@code smp_init}: callbacks run on the boot CPU only, the bring-up runs them on the others. */
    BEFORE_SMP("beforeSmp"),
    /** In an initcall after {@code smp_init}: the callbacks run on every CPU already up, AP states on {@code cpuhp/N}. */
    AFTER_SMP("afterSmp");

    private final String jsonName;

    BootPhase(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the name profiles use, e.g. {@code afterSmp}. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the phase with that profile name, or null. */
    static BootPhase fromJson(String name) {
        for (BootPhase phase : values()) {
            if (phase.jsonName.equals(name)) {
                return phase;
            }
        }
        return null;
    }
}
