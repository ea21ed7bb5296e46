package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Linux version a machine emulates, as its state-table profile names it (e.g. {@code 6.12}):
 * backends print that kernel's messages where versions differ.
 */
@API(status = STABLE, since = "0.1")
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:[.\\-+].*)?");

    public KernelVersion {
        if (major < 0 || minor < 0) {
            throw new HotplugException(Errno.EINVAL, "kernel version " + major + "." + minor + " has a negative part");
        }
    }

    /**
     * Parses {@code MAJOR.MINOR} with anything after it ignored, e.g. {@code 6.1}, {@code 6.12.117}.
     *
     * @throws HotplugException EINVAL when {@code text} does not start with a version
     */
    public static KernelVersion parse(String text) {
        Matcher matcher = VERSION.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new HotplugException(Errno.EINVAL, "kernel version '" + text + "' is not MAJOR.MINOR (e.g. 6.12)");
        }
        try {
            return new KernelVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new HotplugException(Errno.EINVAL, "kernel version '" + text + "' is out of range");
        }
    }

    /** Returns whether this version is {@code major.minor} or later. */
    public boolean atLeast(int major, int minor) {
        return compareTo(new KernelVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
