package org.hotplugemu.core.machine;

import java.util.List;
import java.util.function.Supplier;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.sysfs.VirtualFs;
import org.hotplugemu.tracing.TraceFs;
import org.hotplugemu.tracing.TraceFsException;

/** Mounts the tracing module's tracefs at {@code /sys/kernel/tracing}, mapping its errors to errnos. */
final class TracefsMount implements VirtualFs.Mount {
    private final TraceFs fs;

    TracefsMount(TraceFs fs) {
        this.fs = fs;
    }

    @Override
    public List<String> list(String relative) {
        return mapped(() -> fs.list(relative));
    }

    @Override
    public boolean isDirectory(String relative) {
        return fs.isDirectory(relative);
    }

    @Override
    public boolean exists(String relative) {
        return fs.exists(relative);
    }

    @Override
    public String read(String relative) {
        return mapped(() -> fs.read(relative));
    }

    @Override
    public void write(String relative, String value) {
        mapped(() -> {
            fs.write(relative, value);
            return null;
        });
    }

    @Override
    public boolean writable(String relative) {
        return fs.writable(relative);
    }

    private static <T> T mapped(Supplier<T> body) {
        try {
            return body.get();
        }
        catch (TraceFsException e) {
            Errno errno = switch (e.kind()) {
                case NOT_FOUND -> Errno.ENOENT;
                case INVALID_ARGUMENT -> Errno.EINVAL;
                case READ_ONLY -> Errno.EACCES;
                case IS_DIRECTORY -> Errno.EISDIR;
            };
            throw new HotplugException(errno, e.getMessage(), e);
        }
        catch (IllegalArgumentException e) {
            throw new HotplugException(Errno.EINVAL, e.getMessage(), e);
        }
    }
}
