package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a driver registers handlers of system device hot-plug: CPUs (and memory blocks) arriving
 * and leaving at run time. Each handler belongs to one operation and phase and runs in ascending
 * {@code order} with the built-in ones (add: firmware 10, memory 30, CPUs 40, host bridges 50;
 * delete: host bridges 10, CPUs 20, memory 30, firmware eject 60). A validate or execute handler
 * refuses by throwing a {@link org.hotplugemu.api.kernel.HotplugException}; the handlers that already
 * ran are then called again with {@code rollback} true. A driver unregisters its handlers in its
 * own {@code unregister}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SystemDeviceHandlers {
    /** Hot-add or hot-delete. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Operation { ADD, DELETE }

    /** Validate (change nothing), execute, commit (cannot fail back). */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Phase { VALIDATE, EXECUTE, COMMIT }

    /** The devices a request targets, by number, in request order. */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Targets(List<Integer> cpus, List<Integer> memoryBlocks) {
        public Targets {
            cpus = List.copyOf(cpus);
            memoryBlocks = List.copyOf(memoryBlocks);
        }
    }

    /** A driver's handler of one operation and phase. */
    @FunctionalInterface
    @API(status = EXPERIMENTAL, since = "0.1")
    interface Handler {
        void handle(Operation operation, Targets targets, boolean rollback);
    }

    /**
     * Registers {@code handler}.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EEXIST when {@code name} is taken for that
     *         operation and phase, EINVAL for a blank name
     */
    void register(Operation operation, Phase phase, int order, String name, Handler handler);

    /** Removes every handler registered under {@code name}. */
    void unregister(String name);
}
