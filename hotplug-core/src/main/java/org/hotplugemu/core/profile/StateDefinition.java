package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a kernel's {@code enum cpuhp_state}: its number, its enum name (e.g.
 * {@code CPUHP_AP_WORKQUEUE_ONLINE}), the name it had in the reference boot's
 * {@code hotplug/states} (null when that kernel registered nothing there), and whether it is
 * {@code cant_stop}.
 */
public record StateDefinition(int number, String enumName, String name, boolean cantStop) {
    public StateDefinition {
        requireNonNull(enumName, "enumName is null");
        if (number < 0) {
            throw new IllegalArgumentException("state " + enumName + " has negative number " + number);
        }
    }
}
