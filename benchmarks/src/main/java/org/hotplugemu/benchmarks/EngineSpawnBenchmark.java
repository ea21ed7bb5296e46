package org.hotplugemu.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Time to start 10 000 emulated threads that each yield once and run them all to completion. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineSpawnBenchmark {
    private static final int THREADS = 10_000;

    @Param({"sim", "threads"})
    public String engine;

    private Engine emulated;

    @Setup(Level.Trial)
    public void createEngine() {
        emulated = Engines.create(engine, EngineOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void closeEngine() {
        emulated.close();
    }

    @Benchmark
    public int spawnAndRunTenThousand() {
        return emulated.execute("spawner", 0, () -> {
            for (int i = 0; i < THREADS; i++) {
                emulated.spawn("worker/" + i, i % 64, emulated::yield);
            }
            return THREADS;
        });
    }
}
