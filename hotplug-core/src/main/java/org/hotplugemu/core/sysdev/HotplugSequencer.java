package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;

/**
 * Runs a request through its phases: every validate handler, then every execute handler, then
 * every commit handler, each phase in order. When a validate or execute handler fails, the
 * handlers already run (validate and execute, the failing one excepted) run again in reverse with
 * {@code rollback = true}; an error during rollback is only logged. Commit errors are logged and
 * recorded, and the remaining commit handlers still run.
 */
final class HotplugSequencer {
    private final HandlerRegistry registry;
    private final KernelLog log;
    private final SysdevFaults faults;

    HotplugSequencer(HandlerRegistry registry, KernelLog log, SysdevFaults faults) {
        this.registry = requireNonNull(registry, "registry is null");
        this.log = requireNonNull(log, "log is null");
        this.faults = requireNonNull(faults, "faults is null");
    }

    /** Calls a handler, or fails it with EAGAIN when its fail injection is armed (the handler does not run). */
    private void call(HotplugRequest request, HotplugPhase phase, HandlerRegistry.Entry entry) {
        if (faults.takeHandler(request.operation(), phase, entry.name())) {
            throw new HotplugException(Errno.EAGAIN, phase.name().toLowerCase(java.util.Locale.ROOT) + " handler " + entry.name()
                    + " failed by fail injection (sysdev/fail_handler)");
        }
        entry.handler().handle(request, false);
    }

    /** Runs {@code request}; returns normally when validate and execute succeeded (see {@link HotplugRequest#failure()} for commit). */
    void run(HotplugRequest request) {
        List<HandlerRegistry.Entry> done = new ArrayList<>();
        for (HotplugPhase phase : List.of(HotplugPhase.VALIDATE, HotplugPhase.EXECUTE)) {
            for (HandlerRegistry.Entry entry : registry.handlers(request.operation(), phase)) {
                request.record(phase.name().toLowerCase(java.util.Locale.ROOT) + ":" + entry.name());
                try {
                    call(request, phase, entry);
                }
                catch (HotplugException e) {
                    request.fail(e);
                    rollback(request, done);
                    throw e;
                }
                catch (RuntimeException e) {
                    HotplugException wrapped = new HotplugException(Errno.EIO, entry.name() + " failed: " + e);
                    request.fail(wrapped);
                    rollback(request, done);
                    throw wrapped;
                }
                done.add(entry);
            }
        }
        for (HandlerRegistry.Entry entry : registry.handlers(request.operation(), HotplugPhase.COMMIT)) {
            request.record("commit:" + entry.name());
            try {
                call(request, HotplugPhase.COMMIT, entry);
            }
            catch (HotplugException e) {
                request.fail(e);
                log.error("hotplug: commit handler " + entry.name() + " failed for " + request + ": " + e.getMessage());
            }
        }
    }

    private void rollback(HotplugRequest request, List<HandlerRegistry.Entry> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            HandlerRegistry.Entry entry = done.get(i);
            request.record("rollback:" + entry.name());
            try {
                entry.handler().handle(request, true);
            }
            catch (RuntimeException e) {
                log.error("hotplug: rollback of " + entry.name() + " failed for " + request + ": " + e.getMessage());
            }
        }
    }
}
