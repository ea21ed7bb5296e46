package org.hotplugemu.distribution.shell;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFile;

/**
 * A driver with one debugfs file that keeps every value written to it byte for byte (or fails
 * each write with a set error), and a handle on the kernel log: what the shell's tests look
 * through on a real machine.
 */
final class ProbeDriver implements HotplugDriver {
    static final String FILE = "/sys/kernel/debug/probe/value";

    final List<String> writes = new ArrayList<>();
    /** When set, every write to {@link #FILE} fails with it. */
    volatile HotplugException writeFailure;
    volatile KernelLog log;

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public void register(DriverContext context) {
        log = context.log();
        context.files().add(FILE, new VirtualFile() {
            @Override
            public String read() {
                synchronized (writes) {
                    return writes.isEmpty() ? "\n" : writes.get(writes.size() - 1);
                }
            }

            @Override
            public void write(String value) {
                HotplugException failure = writeFailure;
                if (failure != null) {
                    throw failure;
                }
                synchronized (writes) {
                    writes.add(value);
                }
            }

            @Override
            public boolean writable() {
                return true;
            }
        });
    }

    @Override
    public void unregister(DriverContext context) {
        context.files().remove(FILE);
    }
}
