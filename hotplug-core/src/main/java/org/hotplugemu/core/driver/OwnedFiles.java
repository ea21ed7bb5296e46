package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.core.sysfs.VirtualFs;

/**
 * One driver's view of the file tree: the files it adds are its own; removing or replacing a file
 * it did not add (sysfs, a backend's or another driver's debugfs file) fails with EPERM and changes
 * nothing. Removing a path where nothing is stays a no-op, as {@code debugfs_remove} of nothing is.
 */
final class OwnedFiles implements VirtualFiles {
    private final VirtualFiles inner;
    private final Predicate<String> exists;
    private final String driver;
    private final Ownership ownership;

    OwnedFiles(VirtualFiles inner, Predicate<String> exists, String driver, Ownership ownership) {
        this.inner = requireNonNull(inner, "inner is null");
        this.exists = requireNonNull(exists, "exists is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
    }

    @Override
    public void add(String path, VirtualFile file) {
        String normalized = VirtualFs.normalize(path);
        String owner = ownership.fileOwner(normalized);
        if (owner != null && !owner.equals(driver) || owner == null && exists.test(normalized)) {
            throw Ownership.denied(driver, "replace " + normalized, whose(owner));
        }
        inner.add(path, file);
        ownership.ownFile(normalized, driver);
    }

    @Override
    public void remove(String path) {
        String normalized = VirtualFs.normalize(path);
        String owner = ownership.fileOwner(normalized);
        if (driver.equals(owner)) {
            inner.remove(path);
            ownership.releaseFile(normalized);
        }
        else if (owner != null || exists.test(normalized)) {
            throw Ownership.denied(driver, "remove " + normalized, whose(owner));
        }
    }

    private static String whose(String owner) {
        return owner != null ? "driver " + owner + " added it" : "it belongs to the core";
    }
}
