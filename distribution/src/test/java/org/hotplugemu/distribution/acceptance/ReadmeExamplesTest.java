package org.hotplugemu.distribution.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's complete plugin examples (the Java blocks that start with {@code package}) compile
 * against the SPI and run: the toy architecture boots, the hello driver logs.
 */
class ReadmeExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package (\\S+);.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public final class (\\w+)");

    @TempDir
    Path work;

    @Test
    void completeExamplesCompileAndRun() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher blocks = JAVA_BLOCK.matcher(readme);
        List<String> classes = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        while (blocks.find()) {
            String source = blocks.group(1);
            Matcher name = CLASS.matcher(source);
            assertThat(name.find()).as("a public class in README block %s", blocks.group(2)).isTrue();
            Path file = work.resolve("src").resolve(blocks.group(2).replace('.', '/')).resolve(name.group(1) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            sources.add(file);
            classes.add(blocks.group(2) + "." + name.group(1));
        }
        assertThat(classes).contains("org.example.toyarch.ToyArchitectureProvider", "org.example.hello.HelloDriver",
                "org.example.hello.HelloDriverProvider");
        Path out = compile(sources);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            ArchitectureProvider toy = (ArchitectureProvider) loader.loadClass("org.example.toyarch.ToyArchitectureProvider")
                    .getDeclaredConstructor().newInstance();
            HotplugDriverProvider hello = (HotplugDriverProvider) loader.loadClass("org.example.hello.HelloDriverProvider")
                    .getDeclaredConstructor().newInstance();
            try (Machine machine = new MachineBuilder().architecture(toy).cpus(2).driverProviders(List.of(hello)).build()) {
                machine.boot();
                machine.write("/sys/devices/system/cpu/cpu1/online", "0\n");
                assertThat(machine.read("/sys/devices/system/cpu/online")).isEqualTo("0\n");
                assertThat(machine.dmesg()).anyMatch(line -> line.endsWith("hello: CPU1 going down"));
                assertThat(machine.read("/sys/devices/system/cpu/hotplug/states")).contains(": hello:online\n");
            }
        }
    }

    private Path compile(List<Path> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", out.toString(), "-classpath", System.getProperty("java.class.path")));
        sources.forEach(source -> arguments.add(source.toString()));
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), arguments.toArray(String[]::new));
        assertThat(status).as(errors.toString()).isZero();
        return out;
    }
}
