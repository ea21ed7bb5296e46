package org.hotplugemu.core.sysfs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.KernelBugException;

/**
 * The emulated machine's file tree ({@code /sys}, {@code /sys/kernel/debug}, mounted tracefs):
 * directories appear as files are added beneath them; entries list in sorted order, as {@code ls}
 * shows them. Errors carry the errno the system call returns. Each added file has an
 * {@link Owner}, so that a driver can be kept from removing or replacing what is not its own.
 */
public final class VirtualFs implements VirtualFiles {
    /** A directory whose content comes from elsewhere, such as tracefs. */
    public interface Mount {
        List<String> list(String relative);

        boolean isDirectory(String relative);

        boolean exists(String relative);

        String read(String relative);

        void write(String relative, String value);

        boolean writable(String relative);
    }

    private final Dir root = new Dir();
    private final Map<String, Mount> mounts = new TreeMap<>();
    /**
     * Who added each backend's or driver's file, by normalized path (a file not listed is the core's);
     * kept with the tree, so it cannot outlive a file.
     */
    private final TreeMap<String, Owner> owners = new TreeMap<>();

    /** Adds a file of the core's. */
    @Override
    public void add(String path, VirtualFile file) {
        add(path, file, Owner.CORE);
    }

    /**
     * Adds a file that {@code owner} added.
     *
     * @throws HotplugException EEXIST when something is at {@code path}, ENOTDIR when a parent is a file
     */
    public synchronized void add(String path, VirtualFile file, Owner owner) {
        requireNonNull(file, "file is null");
        requireNonNull(owner, "owner is null");
        List<String> parts = split(path);
        if (parts.isEmpty()) {
            throw new HotplugException(Errno.EEXIST, "cannot add a file at /");
        }
        Dir dir = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            Object child = dir.children.computeIfAbsent(parts.get(i), name -> new Dir());
            if (!(child instanceof Dir next)) {
                throw new HotplugException(Errno.ENOTDIR, pathOf(parts.subList(0, i + 1)) + " is a file");
            }
            dir = next;
        }
        String name = parts.get(parts.size() - 1);
        if (dir.children.containsKey(name)) {
            throw new HotplugException(Errno.EEXIST, normalize(path) + " exists already");
        }
        dir.children.put(name, file);
        if (!owner.equals(Owner.CORE)) {
            owners.put(pathOf(parts), owner); // the core's files, most of them, are the default
        }
    }

    /** Returns a view of this tree whose added files are {@code owner}'s (for an architecture backend). */
    public VirtualFiles ownedBy(Owner owner) {
        requireNonNull(owner, "owner is null");
        return new VirtualFiles() {
            @Override
            public void add(String path, VirtualFile file) {
                VirtualFs.this.add(path, file, owner);
            }

            @Override
            public void remove(String path) {
                VirtualFs.this.remove(path);
            }
        };
    }

    /** Returns who added the file at {@code path}, hidden or not; null when no file was added there. */
    public synchronized Owner owner(String path) {
        String normalized = normalize(path);
        Owner owner = owners.get(normalized);
        return owner != null ? owner : find(normalized, true) instanceof VirtualFile ? Owner.CORE : null;
    }

    /** Returns the paths of the files {@code owner}, a backend or a driver, added that are still there, sorted. */
    public synchronized List<String> filesOf(Owner owner) {
        return owners.entrySet().stream().filter(entry -> entry.getValue().equals(owner)).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized void remove(String path) {
        List<String> parts = split(path);
        Dir dir = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            if (!(dir.children.get(parts.get(i)) instanceof Dir next)) {
                return;
            }
            dir = next;
        }
        if (!parts.isEmpty()) {
            dir.children.remove(parts.get(parts.size() - 1));
            String removed = pathOf(parts);
            owners.remove(removed);
            // Everything below a removed directory: '0' is the character after '/'.
            owners.subMap(removed + "/", removed + "0").clear();
        }
    }

    /**
     * Makes the directory at {@code path} (created if absent) exist only while {@code visible}
     * holds, like a sysfs group a driver adds and removes ({@code topology_add_dev}).
     */
    public synchronized void setVisibility(String path, java.util.function.BooleanSupplier visible) {
        requireNonNull(visible, "visible is null");
        Dir dir = root;
        for (String part : split(path)) {
            Object child = dir.children.computeIfAbsent(part, name -> new Dir());
            if (!(child instanceof Dir next)) {
                throw new HotplugException(Errno.ENOTDIR, normalize(path) + " is a file");
            }
            dir = next;
        }
        dir.visible = visible;
    }

    /** Mounts {@code mount} at the directory {@code path}. */
    public synchronized void mount(String path, Mount mount) {
        mounts.put(normalize(path), requireNonNull(mount, "mount is null"));
    }

    public String read(String path) {
        String normalized = normalize(path);
        MountHit hit = mountFor(normalized);
        if (hit != null) {
            return hit.mount.read(hit.relative);
        }
        Object node = lookup(normalized);
        if (node instanceof Dir) {
            throw new HotplugException(Errno.EISDIR, normalized + ": Is a directory");
        }
        VirtualFile file = (VirtualFile) node;
        try {
            return file.read();
        } catch (HotplugException | KernelBugException e) {
            throw e;
        } catch (RuntimeException e) {
            throw handlerFailed(normalized, "read", e);
        }
    }

    public void write(String path, String value) {
        String normalized = normalize(path);
        MountHit hit = mountFor(normalized);
        if (hit != null) {
            hit.mount.write(hit.relative, value);
            return;
        }
        Object node = findLocked(normalized);
        if (node == null) {
            // The shell's > opens with O_CREAT: sysfs refuses to create a file in an existing
            // directory (EACCES, "can't create"); a missing directory is ENOENT.
            int slash = normalized.lastIndexOf('/');
            String parent = slash <= 0 ? "/" : normalized.substring(0, slash);
            if (findLocked(parent) instanceof Dir) {
                throw new HotplugException(Errno.EACCES, "can't create " + normalized + ": Permission denied");
            }
            throw new HotplugException(Errno.ENOENT, normalized + ": No such file or directory");
        }
        if (node instanceof Dir) {
            throw new HotplugException(Errno.EISDIR, normalized + ": Is a directory");
        }
        VirtualFile file = (VirtualFile) node;
        if (!file.writable()) {
            throw new HotplugException(Errno.EACCES, normalized + ": Permission denied");
        }
        try {
            file.write(value);
        } catch (HotplugException | KernelBugException e) {
            throw e;
        } catch (RuntimeException e) {
            throw handlerFailed(normalized, "write", e);
        }
    }

    /**
     * A plugin's handler that throws anything but a {@link HotplugException} fails that one system
     * call with EIO, the way a driver's broken show/store method fails only its own read or write.
     */
    private static HotplugException handlerFailed(String path, String operation, RuntimeException e) {
        return new HotplugException(Errno.EIO, "the " + operation + " handler of " + path + " failed: " + e, e);
    }

    public synchronized List<String> list(String path) {
        String normalized = normalize(path);
        MountHit hit = mountFor(normalized);
        if (hit != null) {
            return hit.mount.list(hit.relative);
        }
        Object node = lookup(normalized);
        if (!(node instanceof Dir dir)) {
            throw new HotplugException(Errno.ENOTDIR, normalized + ": Not a directory");
        }
        List<String> names = new ArrayList<>();
        dir.children.forEach((name, child) -> {
            if (child instanceof Dir subdirectory) {
                if (subdirectory.visible.getAsBoolean()) {
                    names.add(name + "/");
                }
            }
            else {
                names.add(name);
            }
        });
        for (String mountPath : mounts.keySet()) {
            String parent = mountPath.substring(0, mountPath.lastIndexOf('/'));
            if ((parent.isEmpty() ? "/" : parent).equals(normalized)) {
                String name = mountPath.substring(mountPath.lastIndexOf('/') + 1) + "/";
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    public synchronized boolean exists(String path) {
        String normalized = normalize(path);
        MountHit hit = mountFor(normalized);
        if (hit != null) {
            return hit.mount.exists(hit.relative);
        }
        return find(normalized) != null;
    }

    public synchronized boolean isDirectory(String path) {
        String normalized = normalize(path);
        MountHit hit = mountFor(normalized);
        if (hit != null) {
            return hit.mount.isDirectory(hit.relative);
        }
        return find(normalized) instanceof Dir;
    }

    /** Returns whether {@code path} is a file that accepts writes. */
    public synchronized boolean writable(String path) {
        String normalized = normalize(path);
        MountHit hit = mountFor(normalized);
        if (hit != null) {
            return hit.mount.writable(hit.relative);
        }
        return find(normalized) instanceof VirtualFile file && file.writable();
    }

    private synchronized Object findLocked(String normalized) {
        return find(normalized);
    }

    private synchronized Object lookup(String normalized) {
        Object node = find(normalized);
        if (node == null) {
            throw new HotplugException(Errno.ENOENT, normalized + ": No such file or directory");
        }
        return node;
    }

    private Object find(String normalized) {
        return find(normalized, false);
    }

    private Object find(String normalized, boolean hiddenToo) {
        // A normalized path: "/" or "/a/b" with no empty, "." or ".." names; walked without splitting.
        Object node = root;
        int start = 1;
        while (start < normalized.length()) {
            int end = normalized.indexOf('/', start);
            if (end < 0) {
                end = normalized.length();
            }
            if (!(node instanceof Dir dir)) {
                return null;
            }
            node = dir.children.get(normalized.substring(start, end));
            if (node == null || !hiddenToo && node instanceof Dir hidden && !hidden.visible.getAsBoolean()) {
                return null;
            }
            start = end + 1;
        }
        return node;
    }

    private synchronized MountHit mountFor(String normalized) {
        for (Map.Entry<String, Mount> entry : mounts.entrySet()) {
            String mountPath = entry.getKey();
            if (normalized.equals(mountPath)) {
                return new MountHit(entry.getValue(), "");
            }
            if (normalized.startsWith(mountPath) && normalized.length() > mountPath.length()
                    && normalized.charAt(mountPath.length()) == '/') {
                return new MountHit(entry.getValue(), normalized.substring(mountPath.length() + 1));
            }
        }
        return null;
    }

    /** Returns an absolute path without duplicate or trailing slashes. */
    public static String normalize(String path) {
        requireNonNull(path, "path is null");
        if (!path.startsWith("/")) {
            throw new HotplugException(Errno.ENOENT, path + ": paths must be absolute (start with /)");
        }
        if (isNormal(path)) {
            return path; // the common case, e.g. every write to cpuN/online: no copy
        }
        List<String> parts = split(path);
        return pathOf(parts);
    }

    /** The absolute path of the names {@code parts}, root first. */
    private static String pathOf(List<String> parts) {
        return "/" + String.join("/", parts);
    }

    /** Whether {@code path} (absolute) has no trailing or duplicate slash and no "." or ".." name. */
    private static boolean isNormal(String path) {
        int length = path.length();
        if (length == 1) {
            return true;
        }
        int start = 1;
        while (start <= length) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            int name = end - start;
            if (name == 0 || name == 1 && path.charAt(start) == '.'
                    || name == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        return parts;
    }

    private record MountHit(Mount mount, String relative) {
    }

    private static final class Dir {
        final TreeMap<String, Object> children = new TreeMap<>();
        java.util.function.BooleanSupplier visible = () -> true;
    }
}
