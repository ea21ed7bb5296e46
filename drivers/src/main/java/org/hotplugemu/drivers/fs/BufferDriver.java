package org.hotplugemu.drivers.fs;

import org.hotplugemu.drivers.support.SimpleStateDriver;
import org.hotplugemu.drivers.support.StateSpec;

/**
 * Models per-CPU buffer-head LRUs (fs/buffer.c), with the kernel's state names and callback symbols.
 */
public final class BufferDriver extends SimpleStateDriver {
    public BufferDriver() {
        super("fs_buffer", 260, allArchitectures(),
                StateSpec.noCalls("CPUHP_FS_BUFF_DEAD", "fs/buffer:dead", null, "buffer_exit_cpu_dead"));
    }
}
