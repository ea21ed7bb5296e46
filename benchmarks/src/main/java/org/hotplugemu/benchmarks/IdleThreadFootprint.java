package org.hotplugemu.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;

/**
 * Reports the heap one idle (blocked) emulated thread costs: spawns many threads that wait on a
 * completion and divides the heap growth by their number. Run: {@code java -cp benchmarks.jar
 * org.hotplugemu.benchmarks.IdleThreadFootprint [sim|threads] [count]}.
 */
public final class IdleThreadFootprint {
    private IdleThreadFootprint() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "sim";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.out.printf("%s: %.0f bytes of heap per idle emulated thread (%d threads)%n",
                name, bytesPerIdleThread(name, count), count);
    }

    /** Returns the average heap growth per emulated thread blocked on a completion. */
    public static double bytesPerIdleThread(String name, int count) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            Completion release = engine.execute("warmup", 0, () -> engine.newCompletion("release"));
            long before = usedHeap(memory);
            engine.execute("spawner", 0, () -> {
                for (int i = 0; i < count; i++) {
                    engine.spawn("idle/" + i, i % 64, release::await);
                }
            });
            waitUntilAllBlocked(engine, count);
            long after = usedHeap(memory);
            return (double) (after - before) / count;
        }
    }

    private static void waitUntilAllBlocked(Engine engine, int count) {
        while (engine.threads().stream().filter(t -> !t.waitingOn().isEmpty()).count() < count) {
            Thread.onSpinWait();
        }
    }

    private static long usedHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
