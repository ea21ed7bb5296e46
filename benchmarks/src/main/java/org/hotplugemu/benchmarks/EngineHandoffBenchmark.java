package org.hotplugemu.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time of one handoff between two emulated threads ping-ponging through two completions, per
 * engine, next to a raw JDK park/unpark ping-pong between two virtual threads ({@code jdk_park}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineHandoffBenchmark {
    private static final int ROUNDS = 5_000;
    private static final int HANDOFFS = 2 * ROUNDS;

    @Param({"sim", "threads", "jdk_park"})
    public String engine;

    private Engine emulated;

    @Setup(Level.Trial)
    public void createEngine() {
        if (!engine.equals("jdk_park")) {
            emulated = Engines.create(engine, EngineOptions.defaults());
        }
    }

    @TearDown(Level.Trial)
    public void closeEngine() {
        if (emulated != null) {
            emulated.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public int handoff() throws InterruptedException {
        return emulated == null ? jdkPingPong() : emulated.execute("ping", 0, this::emulatedPingPong);
    }

    private int emulatedPingPong() {
        Completion ping = emulated.newCompletion("ping");
        Completion pong = emulated.newCompletion("pong");
        emulated.spawn("pong", 1, () -> {
            for (int i = 0; i < ROUNDS; i++) {
                ping.await();
                pong.complete();
            }
        });
        for (int i = 0; i < ROUNDS; i++) {
            ping.complete();
            pong.await();
        }
        return ROUNDS;
    }

    /** The floor: two virtual threads passing a turn with a volatile and park/unpark. */
    private static int jdkPingPong() throws InterruptedException {
        Turn turn = new Turn();
        Thread pong = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                turn.await(1);
                turn.pass(0, turn.ping);
            }
        });
        Thread ping = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                turn.pass(1, turn.pong);
                turn.await(0);
            }
        });
        turn.ping = ping;
        turn.pong = pong;
        pong.start();
        ping.start();
        ping.join();
        pong.join();
        return ROUNDS;
    }

    private static final class Turn {
        volatile int owner;
        volatile Thread ping;
        volatile Thread pong;

        void await(int me) {
            while (owner != me) {
                LockSupport.park(this);
            }
        }

        void pass(int next, Thread thread) {
            owner = next;
            LockSupport.unpark(thread);
        }
    }
}
