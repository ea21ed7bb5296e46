package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelBool;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.sysfs.VirtualFs;

/**
 * Memory blocks kept minimal ({@code drivers/base/memory.c}): {@code memoryN/online} and
 * {@code memoryN/state} for a fixed number of blocks, onlined by hot-add requests before their
 * node's CPUs and offlined by hot-delete after them. No pages, zones or migration.
 */
final class MemoryBlocks {
    static final String ROOT = "/sys/devices/system/memory";
    /** 128 MiB, x86-64's block size below 64 GiB. */
    static final long BLOCK_SIZE = 128L << 20;

    private final AtomicIntegerArray online;
    private final Uevents uevents;
    private final HotplugQueue queue;

    MemoryBlocks(int blocks, Uevents uevents, HotplugQueue queue) {
        this.online = new AtomicIntegerArray(blocks);
        for (int block = 0; block < blocks; block++) {
            online.set(block, 1);
        }
        this.uevents = requireNonNull(uevents, "uevents is null");
        this.queue = requireNonNull(queue, "queue is null");
    }

    int blocks() {
        return online.length();
    }

    boolean anyOnline() {
        for (int block = 0; block < online.length(); block++) {
            if (online.get(block) != 0) {
                return true;
            }
        }
        return false;
    }

    void install(VirtualFs fs) {
        fs.add(ROOT + "/block_size_bytes", VirtualFile.readOnly(() -> Long.toHexString(BLOCK_SIZE) + "\n"));
        for (int block = 0; block < online.length(); block++) {
            int n = block;
            String dir = ROOT + "/memory" + block;
            fs.add(dir + "/online", VirtualFile.readWrite(() -> online.get(n) + "\n", value -> locked(n, KernelBool.parse(value))));
            fs.add(dir + "/state", VirtualFile.readWrite(() -> (online.get(n) != 0 ? "online" : "offline") + "\n", value -> {
                String state = value.strip();
                if (!state.equals("online") && !state.equals("offline")) {
                    throw new HotplugException(Errno.EINVAL, "state takes online or offline");
                }
                locked(n, state.equals("online"));
            }));
            fs.add(dir + "/phys_index", VirtualFile.readOnly(() -> String.format("%08x%n", n)));
        }
    }

    private void locked(int block, boolean value) {
        queue.deviceHotplugLock().lock();
        try {
            set(block, value);
        }
        finally {
            queue.deviceHotplugLock().unlock();
        }
    }

    private void set(int block, boolean value) {
        if ((online.get(block) != 0) == value) {
            return;
        }
        online.set(block, value ? 1 : 0);
        uevents.emit(value ? "online" : "offline", "/devices/system/memory/memory" + block, "memory");
    }

    void registerHandlers(HandlerRegistry registry) {
        registry.register(HotplugOperation.ADD, HotplugPhase.VALIDATE, HandlerOrder.MEMORY_ADD, "memory", (request, rollback) -> check(request));
        registry.register(HotplugOperation.ADD, HotplugPhase.EXECUTE, HandlerOrder.MEMORY_ADD, "memory",
                (request, rollback) -> request.devices(SystemDevice.Kind.MEMORY).forEach(block -> set(block.index(), !rollback)));
        registry.register(HotplugOperation.DELETE, HotplugPhase.VALIDATE, HandlerOrder.MEMORY_DELETE, "memory", (request, rollback) -> check(request));
        registry.register(HotplugOperation.DELETE, HotplugPhase.EXECUTE, HandlerOrder.MEMORY_DELETE, "memory",
                (request, rollback) -> request.devices(SystemDevice.Kind.MEMORY).forEach(block -> set(block.index(), rollback)));
    }

    private void check(HotplugRequest request) {
        for (SystemDevice block : request.devices(SystemDevice.Kind.MEMORY)) {
            if (block.index() >= online.length()) {
                throw new HotplugException(Errno.EINVAL, "memory block " + block.index() + " does not exist (0-" + (online.length() - 1) + ")");
            }
        }
    }
}
