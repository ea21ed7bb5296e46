package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Where backends and drivers add their own files, e.g. fault switches under
 * {@code /sys/kernel/debug/x86/}.
 */
@API(status = STABLE, since = "0.1")
public interface VirtualFiles {
    /**
     * Adds {@code file} at the absolute {@code path}; parent directories appear as needed.
     *
     * @throws HotplugException EEXIST when the path is taken
     */
    void add(String path, VirtualFile file);

    /** Removes the file at {@code path}, if any. */
    void remove(String path);
}
