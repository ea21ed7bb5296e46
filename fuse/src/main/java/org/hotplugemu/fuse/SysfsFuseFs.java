package org.hotplugemu.fuse;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import jnr.ffi.Pointer;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * The FUSE operations of a mounted {@link MachineTree}, with kernfs' rules: an attribute is read
 * whole into the open file's buffer at offset 0 and served from it at other offsets (as
 * {@code seq_file} does), so a reader never sees half of two values; each {@code write(2)} is one
 * store, its errno returned as is; opening a file without a store for writing, and creating
 * anything, fails with EACCES; removing or renaming fails with EPERM. One lock serialises every
 * operation on the machine, as the kernel's {@code device_hotplug_lock} serialises stores.
 */
final class SysfsFuseFs extends FuseStubFS {
    private static final int PAGE_SIZE = 4096;
    private static final int O_ACCMODE = 03;
    private static final int O_RDONLY = 0;

    private final MachineTree tree;
    private final ReentrantLock machineLock = new ReentrantLock(true);
    private final Map<Long, byte[]> buffers = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();
    private final CountDownLatch initialised = new CountDownLatch(1);
    private final long mountedAtSeconds = System.currentTimeMillis() / 1000;
    private volatile Runnable unmounter = () -> { };

    SysfsFuseFs(MachineTree tree) {
        this.tree = requireNonNull(tree, "tree is null");
    }

    /** Counted down when the kernel has sent FUSE_INIT: the mount is in place and served. */
    CountDownLatch initialised() {
        return initialised;
    }

    void onUnmount(Runnable action) {
        this.unmounter = requireNonNull(action, "action is null");
    }

    /** argv[0] of libfuse: the name {@code mount} shows (type {@code fuse.hotplug-emu}). */
    @Override
    protected String getFSName() {
        return "hotplug-emu";
    }

    @Override
    public Pointer init(Pointer conn) {
        initialised.countDown();
        return null;
    }

    /** Called by jnr-fuse's shutdown hook too; unmounts the way {@link FuseMount} does. */
    @Override
    public void umount() {
        unmounter.run();
        mounted.set(false);
    }

    @Override
    public int getattr(String path, FileStat stat) {
        return errno(() -> {
            MachineTree.Attributes attributes = locked(() -> tree.stat(path));
            stat.st_mode.set((attributes.directory() ? FileStat.S_IFDIR : FileStat.S_IFREG) | attributes.mode());
            stat.st_nlink.set(attributes.directory() ? 2 : 1);
            stat.st_size.set(attributes.size());
            stat.st_uid.set(0);
            stat.st_gid.set(0);
            for (Timespec time : new Timespec[] {stat.st_atim, stat.st_mtim, stat.st_ctim}) {
                time.tv_sec.set(mountedAtSeconds);
            }
            return 0;
        });
    }

    @Override
    public int readdir(String path, Pointer buf, FuseFillDir filter, @off_t long offset, FuseFileInfo fi) {
        return errno(() -> {
            var names = locked(() -> tree.list(path));
            filter.apply(buf, ".", null, 0);
            filter.apply(buf, "..", null, 0);
            for (String name : names) {
                filter.apply(buf, name, null, 0);
            }
            return 0;
        });
    }

    @Override
    public int open(String path, FuseFileInfo fi) {
        return errno(() -> {
            int access = fi.flags.get() & O_ACCMODE;
            MachineTree.Attributes attributes = locked(() -> tree.stat(path));
            if (attributes.directory() && access != O_RDONLY) {
                return -Errno.EISDIR.number();
            }
            // kernfs_fop_open: EACCES when writing a file without a store (root included).
            if (access != O_RDONLY && (attributes.mode() & 0222) == 0) {
                return -Errno.EACCES.number();
            }
            fi.fh.set(handles.incrementAndGet());
            return 0;
        });
    }

    @Override
    public int read(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        return errno(() -> {
            long handle = fi.fh.get();
            byte[] content = buffers.get(handle);
            if (content == null || offset == 0) {
                content = locked(() -> tree.read(path)).getBytes(StandardCharsets.UTF_8);
                buffers.put(handle, content);
            }
            if (offset >= content.length) {
                return 0;
            }
            int count = (int) Math.min(size, content.length - offset);
            buf.put(0, content, (int) offset, count);
            return count;
        });
    }

    @Override
    public int write(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        return errno(() -> {
            if (size == 0) {
                return 0;
            }
            // kernfs sets atomic_write_len to a page for sysfs attributes: longer writes fail whole.
            if (size > PAGE_SIZE && Modes.sysfsAttribute(path)) {
                return -Errno.E2BIG.number();
            }
            byte[] bytes = new byte[(int) size];
            buf.get(0, bytes, 0, bytes.length);
            String value = new String(bytes, StandardCharsets.UTF_8);
            locked(() -> {
                tree.write(path, value);
                return null;
            });
            return (int) size;
        });
    }

    @Override
    public int truncate(String path, @off_t long size) {
        // `echo 1 > file` opens with O_TRUNC; kernfs accepts the size change of a writable attribute and ignores it.
        return errno(() -> (locked(() -> tree.stat(path)).mode() & 0222) == 0 ? -Errno.EACCES.number() : 0);
    }

    @Override
    public int release(String path, FuseFileInfo fi) {
        buffers.remove(fi.fh.get());
        return 0;
    }

    @Override
    public int utimens(String path, Timespec[] timespec) {
        return errno(() -> {
            locked(() -> tree.stat(path));
            return 0;
        });
    }

    @Override
    public int create(String path, @mode_t long mode, FuseFileInfo fi) {
        return -Errno.EACCES.number();
    }

    @Override
    public int mknod(String path, @mode_t long mode, long rdev) {
        return -Errno.EACCES.number();
    }

    @Override
    public int mkdir(String path, @mode_t long mode) {
        return -Errno.EPERM.number();
    }

    @Override
    public int unlink(String path) {
        return -Errno.EPERM.number();
    }

    @Override
    public int rmdir(String path) {
        return -Errno.EPERM.number();
    }

    @Override
    public int rename(String oldpath, String newpath) {
        return -Errno.EPERM.number();
    }

    @Override
    public int symlink(String oldpath, String newpath) {
        return -Errno.EPERM.number();
    }

    @Override
    public int link(String oldpath, String newpath) {
        return -Errno.EPERM.number();
    }

    @Override
    public int chmod(String path, @mode_t long mode) {
        return -Errno.EPERM.number();
    }

    @Override
    public int chown(String path, long uid, long gid) {
        return -Errno.EPERM.number();
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        machineLock.lock();
        try {
            return body.get();
        } finally {
            machineLock.unlock();
        }
    }

    /** Runs an operation, turning the machine's errors into the negative errno FUSE returns. */
    private static int errno(IntSupplier operation) {
        try {
            return operation.getAsInt();
        } catch (HotplugException e) {
            return -e.errno().number();
        } catch (RuntimeException e) {
            return -Errno.EIO.number();
        }
    }
}
