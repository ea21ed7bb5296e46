package org.hotplugemu.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new Streams(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    @Test
    void quickJsonHasExactlyTheIssueKeysWithPositiveFigures() throws Exception {
        assertThat(run("bench", "--quick", "--json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));

        assertThat(fieldNames(json)).containsExactly("handoff_ns", "cycle_us", "handoffs_per_cycle", "cycle_floor_ratio", "boot",
                "setup_state_8192_ms", "trace_overhead_ratio", "startup", "sweep");
        JsonNode startup = json.get("startup");
        assertThat(fieldNames(startup)).containsExactly("java_version_ms", "states_ms", "boot_cpus_4_ms", "states_ratio",
                "boot_ratio", "launcher");
        // Starting the emulator does more than java -version, in any JVM on any machine.
        assertThat(startup.get("states_ratio").asDouble()).isGreaterThan(1);
        assertThat(startup.get("boot_ratio").asDouble()).isGreaterThan(1);
        assertThat(startup.get("boot_cpus_4_ms").asDouble() / startup.get("java_version_ms").asDouble())
                .isCloseTo(startup.get("boot_ratio").asDouble(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(fieldNames(json.get("handoff_ns"))).containsExactly("sim", "threads", "jdk_park");
        assertThat(fieldNames(json.get("cycle_us"))).containsExactly("sim", "sim_from_java", "threads");
        for (String engine : List.of("sim", "threads", "jdk_park")) {
            assertThat(json.get("handoff_ns").get(engine).asDouble()).as(engine).isPositive();
        }
        assertThat(json.get("cycle_us").get("sim").asDouble()).isPositive();
        assertThat(json.get("cycle_us").get("sim_from_java").asDouble()).isPositive();
        assertThat(json.get("cycle_us").get("threads").asDouble()).isPositive();
        // An offline/online cycle passes control between the shell, cpuhp/1 and the AP many times.
        assertThat(json.get("handoffs_per_cycle").asDouble()).isGreaterThan(4);
        assertThat(json.get("boot")).hasSize(1);
        JsonNode boot = json.get("boot").get(0);
        assertThat(fieldNames(boot)).containsExactly("cpus", "wall_ms", "heap_mb");
        assertThat(boot.get("cpus").asInt()).isEqualTo(64);
        assertThat(boot.get("wall_ms").asDouble()).isPositive();
        assertThat(json.get("setup_state_8192_ms").asDouble()).isPositive();
        assertThat(json.get("trace_overhead_ratio").asDouble()).isPositive();
        assertThat(json.get("sweep").get("scenarios").asInt()).isGreaterThan(100);
        assertThat(json.get("sweep").get("failed").asInt()).isZero();
        assertThat(json.get("sweep").get("scenarios_per_s").asDouble()).isPositive();
        assertThat(json.get("cycle_floor_ratio").asDouble()).isPositive();
        // A quick run does not time a whole explore process.
        assertThat(json.get("sweep").has("explore_process_ms")).isFalse();
    }

    @Test
    void tableShowsEachFigureNextToItsTarget() {
        assertThat(run("bench", "--quick")).isEqualTo(0);
        String table = out.toString(StandardCharsets.UTF_8);

        assertThat(table.lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("figure"));
        assertThat(table).contains("handoff sim").contains("<= 5 µs").contains("cycle sim").contains("<= 100 µs")
                .contains("boot 64 CPUs").contains("setup_state 64 CPUs").contains("trace overhead").contains("<= 1.3x")
                .contains("start-up states").contains("<= 8x java -version").contains("start-up boot --cpus 4").contains("<= 12x");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("hotplug-emu bench: handoffs");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
