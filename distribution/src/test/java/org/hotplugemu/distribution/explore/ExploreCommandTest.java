package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotplugemu.distribution.Main;
import org.hotplugemu.distribution.cli.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hotplug-emu explore}: the summary, JSON, deterministic shards and their merge, and usage errors. */
class ExploreCommandTest {
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
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String text) throws IOException {
        return new ObjectMapper().readValue(text, Map.class);
    }

    @Test
    void stockX86PassesWithASummaryTableAndExitZero() {
        int status = run("explore", "--arch", "x86", "--cpus", "3", "--seeds", "1", "--ops", "10");
        assertThat(status).as(output() + err).isZero();
        assertThat(output()).contains("explore: ", " scenarios, ", "faults", "registrations", "sequences", "rollback paths exercised:",
                "workqueue:online", "up: rolled back: 2", "explore: PASSED");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shardsSplitTheCampaignWithoutOverlapAndMergeIntoTheWhole() throws IOException {
        assertThat(run("explore", "--cpus", "2", "--seeds", "2", "--ops", "5", "--json")).isZero();
        Map<String, Object> whole = json(output());
        Path first = directory.resolve("a.json");
        Path second = directory.resolve("b.json");
        assertThat(run("explore", "--cpus", "2", "--seeds", "2", "--ops", "5", "--json", "--shard", "1/2")).isZero();
        Files.writeString(first, output());
        int firstCount = (Integer) json(output()).get("scenarios");
        assertThat(run("explore", "--cpus", "2", "--seeds", "2", "--ops", "5", "--json", "--shard", "2/2")).isZero();
        Files.writeString(second, output());
        assertThat(firstCount).isPositive().isLessThan((Integer) whole.get("scenarios"));

        assertThat(run("explore", "--merge", first.toString(), second.toString(), "--json")).isZero();
        Map<String, Object> merged = json(output());
        assertThat(merged.get("scenarios")).isEqualTo(whole.get("scenarios"));
        assertThat(merged.get("passed")).isEqualTo(whole.get("passed"));
        assertThat(merged.get("failed")).isEqualTo(whole.get("failed"));
        assertThat(merged.get("rollbacks")).isEqualTo(whole.get("rollbacks"));
        assertThat(merged.get("shards")).asList().containsExactly("1/2", "2/2");
    }

    @Test
    void theJsonReportIsTheSameWithOneJobAndWithTwo() {
        assertThat(run("explore", "--cpus", "3", "--seeds", "2", "--ops", "10", "--json", "--jobs", "1")).isZero();
        String one = output();
        assertThat(run("explore", "--cpus", "3", "--seeds", "2", "--ops", "10", "--json", "--jobs", "2")).isZero();
        assertThat(output()).isEqualTo(one).contains("\"scenarios\"");
    }

    @Test
    void aMergedFailureExitsOne() throws IOException {
        Path failing = directory.resolve("failing.json");
        Files.writeString(failing, """
                {"scenarios": 2, "passed": 1, "failed": [{"kind": "invariant", "scenario": "down cpu1 fail 197 (workqueue:online)",
                 "message": "leaked", "seed": 0, "cpus": 2, "command": "hotplug-emu run --cpus 2 repro.sh", "script": "echo 0\\n"}]}
                """);
        assertThat(run("explore", "--merge", failing.toString())).isEqualTo(1);
        assertThat(output()).contains("FAILED invariant: down cpu1 fail 197", "hotplug-emu run --cpus 2 repro.sh", "explore: FAILED");
    }

    @Test
    void badShardsMergesAndFilesAreUsageErrors() throws IOException {
        assertThat(run("explore", "--shard", "3/2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shard takes I/N with 1 <= I <= N");
        assertThat(run("explore", "--merge")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--merge needs the JSON report files");
        Path junk = Files.writeString(directory.resolve("junk.json"), "not json");
        assertThat(run("explore", "--merge", junk.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read " + junk + " as an explore --json report");
        assertThat(run("explore", "a.json")).isEqualTo(2);
        assertThat(run("explore", "--jobs", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jobs must be at least 1, not 0");
    }
}
