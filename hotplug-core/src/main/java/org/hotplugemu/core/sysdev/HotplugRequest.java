package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * One hot-plug request: an operation and the devices it targets (one request may target several).
 * Handlers read the targets and record what went wrong; the sequencer records each handler it ran.
 * A request is used once.
 */
public final class HotplugRequest {
    private final HotplugOperation operation;
    private final List<SystemDevice> devices;
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private volatile HotplugException failure;

    public HotplugRequest(HotplugOperation operation, List<SystemDevice> devices) {
        this.operation = requireNonNull(operation, "operation is null");
        this.devices = List.copyOf(requireNonNull(devices, "devices is null"));
        if (this.devices.isEmpty()) {
            throw new HotplugException(Errno.EINVAL, "a hot-plug request needs at least one device");
        }
    }

    public static HotplugRequest of(HotplugOperation operation, SystemDevice... devices) {
        return new HotplugRequest(operation, List.of(devices));
    }

    public HotplugOperation operation() {
        return operation;
    }

    public List<SystemDevice> devices() {
        return devices;
    }

    /** Returns the targets of one kind, in request order. */
    public List<SystemDevice> devices(SystemDevice.Kind kind) {
        return devices.stream().filter(device -> device.kind() == kind).toList();
    }

    /** Returns the handlers run so far, e.g. {@code validate:cpu}, {@code rollback:cpu}, in order. */
    public List<String> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    void record(String entry) {
        journal.add(entry);
    }

    /** Returns the first error of a validate, execute or commit handler, or null when all succeeded. */
    public HotplugException failure() {
        return failure;
    }

    void fail(HotplugException e) {
        if (failure == null) {
            failure = e;
        }
    }

    @Override
    public String toString() {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + " " + devices;
    }
}
