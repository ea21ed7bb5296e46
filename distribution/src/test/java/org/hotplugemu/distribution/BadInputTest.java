package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotplugemu.distribution.cli.Streams;
import org.hotplugemu.distribution.plugin.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input of issue 18 is a clear error with the right status, and no Java stack without --verbose. */
class BadInputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path work;

    private int run(String stdin, String... args) {
        return Main.run(new Streams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Builds a plugin directory holding one driver whose body is {@code members}. */
    private Path driverPlugin(String name, String members) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins-" + name));
        String source = """
                package %s;
                public final class Driver implements org.hotplugemu.api.driver.HotplugDriver {
                    %s
                }
                """.formatted(name, members);
        PluginJars.buildDriver(plugins, name, "1", name, source);
        return plugins;
    }

    @Test
    void aTracePathThatCannotBeWrittenIsAStartupProblem() {
        Path missing = work.resolve("no-such-dir/trace.txt");

        assertThat(run("exit 3\n", "run", "--trace", missing.toString(), "-")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: cannot write the trace to " + missing
                + " (--trace): No such file or directory (create " + missing.getParent() + " first)\n");
    }

    @Test
    void aTracePathThatIsADirectoryIsAStartupProblem() throws Exception {
        Path directory = Files.createDirectories(work.resolve("d.txt"));

        assertThat(run("", "boot", "--trace", directory.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: cannot write the trace to " + directory + " (--trace): Is a directory\n");
    }

    @Test
    void anUnknownTraceEventIsAUsageError() {
        assertThat(run("", "boot", "--cmdline", "trace_event=foo:bar")).isEqualTo(2);
        assertThat(err()).startsWith("hotplug-emu: trace_event=foo:bar: no trace event matches 'foo:bar'").doesNotContain("\tat ");
    }

    @Test
    void aNegativeMaxcpusIsAUsageError() {
        assertThat(run("", "boot", "--cmdline", "maxcpus=-1")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: kernel parameter maxcpus=-1 is not a non-negative integer\n");
    }

    @Test
    void zeroCpusAndTooWideSmtAreBothReported() {
        assertThat(run("", "boot", "--cpus", "0", "--smt", "9")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: 2 problems keep the emulator from starting:\n"
                + "  1. --cpus 0 is out of range: use 1 to 8192\n"
                + "  2. --smt 9 is out of range: use 1 to 8 threads per core\n");
    }

    @Test
    void aScriptThatIsNotUtf8NamesTheLineAndByte() throws Exception {
        Path script = work.resolve("latin1.sh");
        Files.write(script, "echo ok\necho caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(run("", "run", script.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: " + script + ":2: the script is not UTF-8 text (byte 0xe9 at offset 16,"
                + " column 9 of the line); save it as UTF-8\n");
    }

    @Test
    void aByteOrderMarkDoesNotBecomePartOfTheFirstCommand() {
        assertThat(run("\uFEFFecho hello\n", "run", "--cpus", "2", "-")).isZero();
        assertThat(out()).isEqualTo("hello\n");
    }

    @Test
    void aDriverWhoseRegisterThrowsIsAStartupProblem() throws Exception {
        Path plugins = driverPlugin("thrower", """
                public String name() { return "thrower"; }
                public void register(org.hotplugemu.api.driver.DriverContext context) { throw new IllegalStateException("no config"); }
                """);

        assertThat(run("", "boot", "--cpus", "2", "--plugins", plugins.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: driver thrower failed to register: its register() threw"
                + " java.lang.IllegalStateException: no config\n");
    }

    @Test
    void anErrorFromADriversNameIsAStartupProblemWithoutAStack() throws Exception {
        Path plugins = driverPlugin("nameless", """
                public String name() { throw new AssertionError("name not set"); }
                public void register(org.hotplugemu.api.driver.DriverContext context) { }
                """);

        assertThat(run("", "boot", "--cpus", "2", "--plugins", plugins.toString())).isEqualTo(2);
        assertThat(err()).contains("nameless.jar: nameless.DriverProvider failed to describe itself: name not set").doesNotContain("\tat ");
    }

    @Test
    void runningOutOfMemoryAtBootIsAClearMessage() throws Exception {
        Path plugins = driverPlugin("hog", """
                public String name() { return "hog"; }
                public void register(org.hotplugemu.api.driver.DriverContext context) { throw new OutOfMemoryError("Java heap space"); }
                """);

        assertThat(run("", "boot", "--cpus", "2", "--plugins", plugins.toString())).isEqualTo(1);
        // Whichever layer catches it, the message is OutOfHeap's: the heap's size and how to raise it, no stack.
        assertThat(err()).startsWith("hotplug-emu: the JVM ran out of Java heap (maximum ")
                .contains("HOTPLUG_EMU_OPTS=-Xmx").endsWith("(ENOMEM: Cannot allocate memory)\n").doesNotContain("\tat ");
    }

    @Test
    void aThrowingFileHandlerFailsOnlyThatWrite() throws Exception {
        Path plugins = driverPlugin("fragile", """
                public String name() { return "fragile"; }
                public void register(org.hotplugemu.api.driver.DriverContext context) {
                    context.files().add("/sys/kernel/debug/fragile/poke", org.hotplugemu.api.kernel.VirtualFile.readWrite(
                            () -> "0\\n", value -> { throw new ArrayIndexOutOfBoundsException("index 7"); }));
                }
                """);
        String script = "echo 1 > /sys/kernel/debug/fragile/poke\necho status $?\ncat /sys/kernel/debug/fragile/poke\n";

        assertThat(run(script, "run", "--cpus", "2", "--plugins", plugins.toString(), "-")).isZero();
        assertThat(err()).isEqualTo("echo: write error: Input/output error\n"
                + "hotplug-emu: the write handler of /sys/kernel/debug/fragile/poke failed:"
                + " java.lang.ArrayIndexOutOfBoundsException: index 7\n");
        assertThat(out()).isEqualTo("status 1\n0\n");
    }

    @Test
    void theSamePluginDirectoryTwiceIsNoDuplicate() throws Exception {
        Path plugins = driverPlugin("twice", """
                public String name() { return "twice"; }
                public void register(org.hotplugemu.api.driver.DriverContext context) { }
                """);

        assertThat(run("", "plugins", "--plugins", plugins.toString(), "--plugins", plugins.toString())).isZero();
        assertThat(out().lines().filter(line -> line.matches("driver +twice .*"))).hasSize(1);
    }

    @Test
    void anArchitectureWhoseCreateThrowsIsAStartupProblem() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins-toy"));
        PluginJars.build(plugins, "toy", "1", Map.of("toy.Provider", PluginJars.architectureProvider("toy", "toy", "")),
                Map.of(org.hotplugemu.arch.spi.ArchitectureProvider.class.getName(), "toy.Provider"));

        assertThat(run("", "boot", "--arch", "toy", "--plugins", plugins.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("hotplug-emu: cannot build the machine: the toy backend or a plugin threw"
                + " java.lang.UnsupportedOperationException\n");
    }
}
