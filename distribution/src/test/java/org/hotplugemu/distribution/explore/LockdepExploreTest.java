package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.hotplugemu.distribution.plugin.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code explore} and {@code torture} run with lockdep on: the stock drivers report nothing on
 * either architecture, and a plugin driver that takes {@code cpus_read_lock} under the mutex its
 * hotplug callbacks take is caught, with a reproducer that replays the report.
 */
class LockdepExploreTest {
    /** Takes its mutex in its callbacks (under cpuhp_state-up/down), and cpus_read_lock under that mutex on unload. */
    private static final String BAD_ORDER = """
            package bad;

            import org.hotplugemu.api.sched.Mutex;
            import org.hotplugemu.api.driver.Callback;
            import org.hotplugemu.api.driver.CpuHotplug;
            import org.hotplugemu.api.driver.DriverContext;
            import org.hotplugemu.api.driver.HotplugDriver;

            public final class Driver implements HotplugDriver {
                private Mutex statsLock;
                private int state;

                public String name() { return "bad-order"; }

                public void register(DriverContext context) {
                    statsLock = context.scheduler().newMutex("bad_order_stats_lock");
                    CpuHotplug hotplug = context.hotplug();
                    state = hotplug.setupState(hotplug.state("CPUHP_AP_ONLINE_DYN"), "bad/order:online",
                            Callback.of("bad_order_cpu_online", cpu -> { statsLock.lock(); statsLock.unlock(); }),
                            Callback.of("bad_order_cpu_offline", cpu -> { statsLock.lock(); statsLock.unlock(); }));
                }

                public void unregister(DriverContext context) {
                    statsLock.lock(); // the bug: a final flush over the online CPUs, with cpus_read_lock under the stats lock
                    try {
                        context.hotplug().cpusReadLock();
                        context.hotplug().cpusReadUnlock();
                    } finally {
                        statsLock.unlock();
                    }
                    context.hotplug().removeState(state);
                }
            }
            """;

    /** Takes its two locks in one order when a CPU comes online and in the other when it goes down. */
    private static final String AB_BA = """
            package abba;

            import org.hotplugemu.api.sched.Mutex;
            import org.hotplugemu.api.driver.Callback;
            import org.hotplugemu.api.driver.DriverContext;
            import org.hotplugemu.api.driver.HotplugDriver;

            public final class Driver implements HotplugDriver {
                public String name() { return "ab-ba"; }

                public void register(DriverContext context) {
                    Mutex queue = context.scheduler().newMutex("ab_ba_queue_lock");
                    Mutex stats = context.scheduler().newMutex("ab_ba_stats_lock");
                    var hotplug = context.hotplug();
                    hotplug.setupState(hotplug.state("CPUHP_AP_ONLINE_DYN"), "ab-ba:online",
                            Callback.of("ab_ba_cpu_online", cpu -> { queue.lock(); stats.lock(); stats.unlock(); queue.unlock(); }),
                            Callback.of("ab_ba_cpu_offline", cpu -> { stats.lock(); queue.lock(); queue.unlock(); stats.unlock(); }));
                }
            }
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private Path badOrderPlugin() throws IOException {
        Path plugins = directory.resolve("plugins");
        java.nio.file.Files.createDirectories(plugins);
        PluginJars.buildDriver(plugins, "bad-order", "1", "bad", BAD_ORDER);
        return plugins;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86", "arm64"})
    void theStockDriversPassExploreWithLockdepOn(String arch) {
        assertThat(run("explore", "--arch", arch, "--cpus", "3", "--seeds", "2", "--ops", "10")).as(output()).isZero();
        assertThat(output()).contains("explore: PASSED").doesNotContain("lockdep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86", "arm64"})
    void theStockDriversPassTortureWithLockdepOn(String arch) {
        assertThat(run("torture", "--arch", arch, "--cpus", "4", "--ops", "200", "--hotplug")).as(output()).isZero();
        assertThat(output()).contains("torture: PASSED");
    }

    @Test
    void exploreCatchesADriverTakingCpusReadLockUnderTheMutexItsCallbacksTakeAndTheReproducerReplaysIt() throws IOException {
        Path plugins = badOrderPlugin();

        assertThat(run("explore", "--arch", "x86", "--cpus", "2", "--seeds", "1", "--ops", "4", "--plugins", plugins.toString())).as(output())
                .isEqualTo(1);

        String report = output();
        assertThat(report).contains("failed by kind:", "FAILED lockdep: register bad-order #0 dynamic bad/order:online fail cpu0",
                "possible circular locking dependency detected: rmmod/", " is trying to acquire (cpu_hotplug_lock){++++}-{0:0}, at: cpus_read_lock"
                        + " while holding (bad_order_stats_lock){+.+.}-{3:3}, at: bad-order_exit [bad-order]",
                "explore: FAILED");
        Matcher replay = Pattern.compile("replay \\(seed \\d+, \\d+ CPUs\\): hotplug-emu (explore .*--scenario '([^']+)')").matcher(report);
        assertThat(replay.find()).as(report).isTrue();
        assertThat(replay.group(1)).contains("--plugins " + plugins, "--cmdline \"emu.lockdep=1\"");

        assertThat(run(arguments(replay.group(1)))).as(output()).isEqualTo(1);
        assertThat(output()).contains("explore: 1 scenarios, 0 passed, 1 failed", "FAILED lockdep: " + replay.group(2),
                "possible circular locking dependency detected");
    }

    @Test
    void tortureFailsOnALockdepReport() throws IOException {
        Path plugins = directory.resolve("abba-plugins");
        java.nio.file.Files.createDirectories(plugins);
        PluginJars.buildDriver(plugins, "ab-ba", "1", "abba", AB_BA);

        assertThat(run("torture", "--arch", "x86", "--cpus", "3", "--ops", "30", "--plugins", plugins.toString())).as(output()).isEqualTo(1);
        assertThat(output()).contains("torture: FAILED:", "lockdep: possible circular locking dependency detected: cpuhp/",
                "(ab_ba_queue_lock){+.+.}-{3:3}, at: ab_ba_cpu_offline while holding (ab_ba_stats_lock)");

        assertThat(run("torture", "--arch", "x86", "--cpus", "3", "--ops", "30", "--plugins", plugins.toString(), "--cmdline", "emu.lockdep=0"))
                .as(output()).isZero();
    }

    @Test
    void withLockdepTurnedOffTheSameDriverPasses() throws IOException {
        Path plugins = badOrderPlugin();

        assertThat(run("explore", "--arch", "x86", "--cpus", "2", "--seeds", "1", "--ops", "4", "--plugins", plugins.toString(),
                "--cmdline", "emu.lockdep=0")).as(output()).isZero();
    }

    /** Takes its two locks in one order when a CPU comes online and in the other when it goes down. */
    static final class AbBa implements org.hotplugemu.api.driver.HotplugDriver {
        @Override
        public String name() {
            return "ab-ba";
        }

        @Override
        public void register(org.hotplugemu.api.driver.DriverContext context) {
            var queue = context.scheduler().newMutex("ab_ba_queue_lock");
            var stats = context.scheduler().newMutex("ab_ba_stats_lock");
            var hotplug = context.hotplug();
            hotplug.setupState(hotplug.state("CPUHP_AP_ONLINE_DYN"), "ab-ba:online",
                    org.hotplugemu.api.driver.Callback.of("ab_ba_cpu_online", cpu -> {
                        queue.lock();
                        stats.lock();
                        stats.unlock();
                        queue.unlock();
                    }),
                    org.hotplugemu.api.driver.Callback.of("ab_ba_cpu_offline", cpu -> {
                        stats.lock();
                        queue.lock();
                        queue.unlock();
                        stats.unlock();
                    }));
        }
    }

    @Test
    void aSweepCatchesTwoLocksTakenInOppositeOrdersByTwoCallbacksWithARunScriptThatShowsTheReport() {
        MachineSource source = TestingSources.stock("x86", 2, "emu.lockdep=1", () -> List.of(new AbBa()));

        ExploreReport report = new Campaign(source, 0, new Campaign.Options(0, 5, 1, 1, java.util.Optional.empty())).run(total -> done -> { });

        assertThat(report.failedByKind()).containsKey("lockdep");
        Finding finding = report.failed().stream().filter(f -> f.kind().equals("lockdep")).findFirst().orElseThrow();
        assertThat(finding.message()).contains("possible circular locking dependency detected: cpuhp/",
                "is trying to acquire (ab_ba_queue_lock){+.+.}-{3:3}, at: ab_ba_cpu_offline while holding (ab_ba_stats_lock)");
        assertThat(finding.command()).contains("--cmdline \"emu.lockdep=1\"").endsWith("repro.sh");
        assertThat(finding.script()).contains("echo 0 > /sys/devices/system/cpu/cpu", "dmesg");

        java.io.ByteArrayOutputStream replayed = new java.io.ByteArrayOutputStream();
        try (org.hotplugemu.core.machine.Machine machine = source.boot(finding.cpus(), finding.seed(), "")) {
            PrintStream print = new PrintStream(replayed, true, StandardCharsets.UTF_8);
            new org.hotplugemu.distribution.shell.Interpreter(machine, print, print).runScript("repro.sh", finding.script().lines().toList());
        }
        assertThat(replayed.toString(StandardCharsets.UTF_8)).contains("WARNING: possible circular locking dependency detected",
                "-> #1 (ab_ba_stats_lock){+.+.}-{3:3}:", "       ab_ba_cpu_online", "-> #0 (ab_ba_queue_lock){+.+.}-{3:3}:",
                "       ab_ba_cpu_offline", "       cpuhp_thread_fun");
    }

    /** Splits a printed command line as a shell would: words, with '...' and "..." quoting. */
    private static String[] arguments(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words.toArray(String[]::new);
    }
}
