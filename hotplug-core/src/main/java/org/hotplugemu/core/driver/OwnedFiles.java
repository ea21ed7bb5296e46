package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.core.sysfs.Owner;
import org.hotplugemu.core.sysfs.VirtualFs;

/**
 * One driver's view of the file tree: the files it adds are its own; removing or replacing a file
 * it did not add (the core's sysfs, a backend's or another driver's debugfs file, hidden or not)
 * fails with EPERM and changes nothing. Removing a path where nothing is stays a no-op, as
 * {@code debugfs_remove} of nothing is.
 */
final class OwnedFiles implements VirtualFiles {
    private final VirtualFs fs;
    private final String driver;
    private final Owner owner;

    OwnedFiles(VirtualFs fs, String driver) {
        this.fs = requireNonNull(fs, "fs is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.owner = Owner.driver(driver);
    }

    @Override
    public void add(String path, VirtualFile file) {
        String normalized = VirtualFs.normalize(path);
        checkOwn(normalized, "replace ");
        fs.add(normalized, file, owner);
    }

    @Override
    public void remove(String path) {
        String normalized = VirtualFs.normalize(path);
        checkOwn(normalized, "remove ");
        // Only a file of its own: a path with nothing visible may still hold a hidden directory of the core's.
        if (owner.equals(fs.owner(normalized))) {
            fs.remove(normalized);
        }
    }

    /** EPERM when what is at {@code path} is not this driver's: a file someone else added, a directory, a mount's file. */
    private void checkOwn(String path, String operation) {
        Owner found = fs.owner(path);
        if (found != null && !found.equals(owner) || found == null && fs.exists(path)) {
            throw Ownership.denied(driver, operation + path, "it belongs to " + (found != null ? found : Owner.CORE));
        }
    }

    /** Returns the files this driver added that are still there. */
    List<Leftover> leftovers() {
        return fs.filesOf(owner).stream().map(path -> Leftover.file(driver, path)).toList();
    }
}
