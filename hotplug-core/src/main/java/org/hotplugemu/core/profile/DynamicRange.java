package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

/**
 * A dynamic state range: registering its base ({@code CPUHP_AP_ONLINE_DYN}) takes the lowest free
 * slot in {@code first .. last}, both inclusive.
 */
public record DynamicRange(String baseEnumName, int first, int last) {
    public DynamicRange {
        requireNonNull(baseEnumName, "baseEnumName is null");
        if (first > last) {
            throw new IllegalArgumentException("dynamic range " + baseEnumName + " is empty: " + first + ".." + last);
        }
    }

    public boolean contains(int state) {
        return state >= first && state <= last;
    }

    public int slots() {
        return last - first + 1;
    }
}
