package org.hotplugemu.core.sysdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Add and delete are symmetric with boot order; the single queue serialises requests. */
class OrderingAndQueueTest {
    private static List<String> executeOrder(HotplugRequest request) {
        return request.journal().stream().filter(entry -> entry.startsWith("execute:") || entry.startsWith("commit:")).toList();
    }

    @Test
    void addFollowsBootOrderAndDeleteMirrorsIt() {
        try (Machine machine = new MachineBuilder().architecture(new TestingArchitectureProvider()).cpus(4).presentCpus(2).build()) {
            machine.boot();
            SystemDevices devices = machine.systemDevices();
            devices.handlers().register(HotplugOperation.ADD, HotplugPhase.EXECUTE, HandlerOrder.HOST_BRIDGE_ADD, "host_bridge", (r, rb) -> { });
            devices.handlers().register(HotplugOperation.DELETE, HotplugPhase.EXECUTE, HandlerOrder.HOST_BRIDGE_DELETE, "host_bridge", (r, rb) -> { });
            machine.write("/sys/devices/system/memory/memory3/online", "0");
            devices.setInserted(2, true);

            HotplugRequest add = devices.submit(HotplugRequest.of(HotplugOperation.ADD, SystemDevice.cpu(2), SystemDevice.memory(3)));
            HotplugRequest delete = devices.submit(HotplugRequest.of(HotplugOperation.DELETE, SystemDevice.cpu(2), SystemDevice.memory(3)));

            assertThat(executeOrder(add)).containsExactly("execute:memory", "execute:cpu", "execute:host_bridge");
            assertThat(executeOrder(delete)).containsExactly("execute:host_bridge", "execute:cpu", "execute:memory",
                    "commit:cpu", "commit:acpi_eject");
            List<String> addDevices = executeOrder(add).subList(0, 3);
            List<String> deleteDevices = new ArrayList<>(executeOrder(delete).subList(0, 3));
            Collections.reverse(deleteDevices);
            assertThat(deleteDevices).isEqualTo(addDevices);
            assertThat(machine.read("/sys/devices/system/memory/memory3/state")).isEqualTo("offline\n");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
    void twoConcurrentRequestsNeverInterleave(long seed) {
        try (Engine engine = Engines.create("sim", new EngineOptions(seed, Duration.ofSeconds(120), 1.0))) {
            HotplugQueue queue = new HotplugQueue(engine);
            List<String> trace = Collections.synchronizedList(new ArrayList<>());
            engine.execute("test", 0, () -> {
                Completion both = engine.newCompletion("both");
                for (String name : List.of("a", "b")) {
                    engine.spawn("submitter-" + name, 0, () -> {
                        queue.queue(name, () -> {
                            for (int step = 0; step < 3; step++) {
                                trace.add(name + step);
                                engine.sleep(Duration.ofMillis(1));
                            }
                        }).done().await();
                        both.complete();
                    });
                }
                // sysfs online/offline takes the same lock and must not land between a request's steps
                engine.spawn("sh", 0, () -> {
                    queue.deviceHotplugLock().lock();
                    trace.add("online_store");
                    queue.deviceHotplugLock().unlock();
                });
                both.await();
                both.await();
            });
            String joined = String.join(",", trace);
            assertThat(joined).matches("(online_store,)?(a0,a1,a2,(online_store,)?b0,b1,b2|b0,b1,b2,(online_store,)?a0,a1,a2)(,online_store)?");
            assertThat(trace).contains("online_store");
        }
    }

    @Test
    void withoutTheQueueTheSameStepsDoInterleave() {
        // The control for the test above: two threads doing the same steps unserialised mix them.
        boolean mixed = false;
        for (long seed = 0; seed < 8 && !mixed; seed++) {
            try (Engine engine = Engines.create("sim", new EngineOptions(seed, Duration.ofSeconds(120), 1.0))) {
                List<String> trace = Collections.synchronizedList(new ArrayList<>());
                engine.execute("test", 0, () -> {
                    Completion both = engine.newCompletion("both");
                    for (String name : List.of("a", "b")) {
                        engine.spawn(name, 0, () -> {
                            for (int step = 0; step < 3; step++) {
                                trace.add(name + step);
                                engine.sleep(Duration.ofMillis(1));
                            }
                            both.complete();
                        });
                    }
                    both.await();
                    both.await();
                });
                String joined = String.join(",", trace);
                mixed = !joined.startsWith("a0,a1,a2") && !joined.startsWith("b0,b1,b2");
            }
        }
        assertThat(mixed).isTrue();
    }
}
