package org.hotplugemu.arch.x86.smpboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.arch.x86.X86Architecture;
import org.hotplugemu.arch.x86.X86CostModel;
import org.hotplugemu.arch.x86.apic.ApState;
import org.hotplugemu.core.testing.TestingArchContext;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.EngineOptions;
import org.hotplugemu.core.engine.Engines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The backend on the deterministic sim engine, with a stand-in for the core's alive handshake: the
 * AP completes {@code alive} and waits for {@code release}; the control CPU releases one AP at a
 * time and waits for it to finish, as the core does.
 */
class EngineBringupTest {
    private static final int CPUS = 8;
    private static final X86CostModel COSTS = X86CostModel.defaults();
    /** Control CPU per AP with init_udelay 0: 4 ICR writes plus 10 + 10 µs around each of 2 SIPIs. */
    private static final long KICK_NS = 4 * COSTS.icrWrite().toNanos() + 4 * 10_000;
    /** The first SIPI is accepted after INIT assert, INIT de-assert and its own ICR write. */
    private static final long SIPI_ACCEPTED_NS = 2 * COSTS.icrWrite().toNanos();

    private final Engine engine = Engines.create("sim", EngineOptions.defaults());
    private X86Architecture x86 = new X86Architecture(new TestingArchContext(CPUS, 1, "", engine), COSTS);
    private final List<HandshakeStart> starts = new ArrayList<>();

    @AfterEach
    void close() {
        engine.close();
    }

    private static final class HandshakeStart implements SecondaryStart {
        private final int cpu;
        private final Scheduler scheduler;
        private final Completion alive;
        private final Completion release;
        private final Completion done;
        private String ranOn = "";

        HandshakeStart(int cpu, Scheduler scheduler) {
            this.cpu = cpu;
            this.scheduler = scheduler;
            this.alive = scheduler.newCompletion("alive/" + cpu);
            this.release = scheduler.newCompletion("release/" + cpu);
            this.done = scheduler.newCompletion("done/" + cpu);
        }

        @Override
        public int cpu() {
            return cpu;
        }

        @Override
        public void online() {
            ranOn = scheduler.current().name();
            alive.complete();
            release.await();
        }

        @Override
        public void cpuStartupEntry() {
            done.complete();
        }

        @Override
        public void reportDead() {
            throw new AssertionError("x86 does not report dead from play_dead");
        }

        void finishFromControl() {
            assertThat(alive.await(Duration.ofSeconds(10))).as("CPU %d reported alive", cpu).isTrue();
            release.complete();
            done.await();
        }
    }

    private long bringUpAll(boolean parallel) {
        return engine.execute("control", 0, () -> {
            long begin = engine.nanoTime();
            for (int cpu = 1; cpu < CPUS; cpu++) {
                HandshakeStart start = new HandshakeStart(cpu, engine);
                starts.add(start);
                x86.bootSecondary(cpu, start);
                if (!parallel) {
                    start.finishFromControl();
                }
            }
            if (parallel) {
                starts.forEach(HandshakeStart::finishFromControl);
            }
            return engine.nanoTime() - begin;
        });
    }

    @Test
    void serialBringupCostsKickTrampolineEarlyInitAndPostReleasePerAp() {
        long elapsed = bringUpAll(false);

        // The rest of the control CPU's kick overlaps the AP's trampoline, so each AP costs the time
        // to its accepted SIPI plus its own trampoline, early init and post-release part.
        long perAp = SIPI_ACCEPTED_NS + COSTS.trampoline().toNanos() + COSTS.apEarlyInit().toNanos() + COSTS.apPostRelease().toNanos();
        assertThat(KICK_NS - SIPI_ACCEPTED_NS).isLessThan(COSTS.trampoline().toNanos() + COSTS.apEarlyInit().toNanos());
        assertThat(elapsed).isEqualTo((CPUS - 1) * perAp);
        assertThat(starts).allMatch(start -> start.ranOn.equals("swapper/" + start.cpu));
    }

    @Test
    void parallelBringupOverlapsTheApsEarlyInitAndSerialisesOnlyThePostReleasePart() {
        long elapsed = bringUpAll(true);

        long firstAlive = SIPI_ACCEPTED_NS + COSTS.trampoline().toNanos() + COSTS.apEarlyInit().toNanos();
        assertThat(elapsed).isEqualTo(firstAlive + (CPUS - 1) * COSTS.apPostRelease().toNanos());
    }

    @Test
    void trampolineLockSerialisesTheRealModePartOfParallelBringup() {
        Duration trampoline = Duration.ofNanos(100_000);
        // No other AP cost, and a trampoline longer than the 44 µs between kicks: the APs queue on the lock.
        x86 = new X86Architecture(new TestingArchContext(CPUS, 1, "", engine),
                new X86CostModel(COSTS.icrWrite(), trampoline, Duration.ZERO, Duration.ZERO));

        long elapsed = bringUpAll(true);

        assertThat(trampoline.toNanos()).isGreaterThan(KICK_NS);
        assertThat(elapsed).isEqualTo(SIPI_ACCEPTED_NS + (CPUS - 1) * trampoline.toNanos());
    }

    @Test
    void everyApParksInPlayDeadAfterItsIdleEntryReturns() {
        bringUpAll(true);
        engine.advance(Duration.ofMillis(1));

        for (int cpu = 1; cpu < CPUS; cpu++) {
            assertThat(x86.apic(cpu).state()).isEqualTo(ApState.HALTED);
            assertThat(x86.apic(cpu).haltReason()).isEqualTo(ApStartup.PLAY_DEAD);
        }
    }
}
