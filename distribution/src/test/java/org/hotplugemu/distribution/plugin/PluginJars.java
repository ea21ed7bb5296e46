package org.hotplugemu.distribution.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds small plugin jars in tests: compiles sources against the test class path and adds service entries. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (class name to source) and writes them to {@code jar} with a manifest
     * version and a {@code META-INF/services} file per entry of {@code services}.
     */
    public static Path build(Path work, String jarName, String version, Map<String, String> sources, Map<String, String> services) throws IOException {
        Path src = Files.createDirectories(work.resolve(jarName + "-src"));
        Path classes = Files.createDirectories(work.resolve(jarName + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "--release", "21"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("plugin compiles").isZero();

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = work.resolve(jarName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path path : compiled.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
            for (Map.Entry<String, String> service : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
                out.write((service.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Returns the source of an architecture provider named {@code name} in class {@code pkg.Provider}. */
    public static String architectureProvider(String pkg, String name, String extraStatement) {
        return """
                package %s;

                public final class Provider implements org.hotplugemu.arch.spi.ArchitectureProvider {
                    public String name() { %s return "%s"; }
                    public String description() { return "test architecture"; }
                    public org.hotplugemu.arch.spi.Architecture create(org.hotplugemu.arch.spi.ArchContext context) {
                        throw new UnsupportedOperationException();
                    }
                }
                """.formatted(pkg, extraStatement, name);
    }

    /**
     * Builds a driver plugin jar: {@code pkg.Driver} from {@code driverSource} and a
     * {@code pkg.DriverProvider} declared as the jar's {@code HotplugDriverProvider}, which creates a
     * new {@code Driver} per machine and describes it by asking a new one its name, order and
     * architectures (so a test driver's faulty {@code name()} shows up as its provider's).
     */
    public static Path buildDriver(Path work, String jarName, String version, String pkg, String driverSource) throws IOException {
        String provider = """
                package %s;

                public final class DriverProvider implements org.hotplugemu.api.driver.HotplugDriverProvider {
                    public String name() { return new Driver().name(); }
                    public int order() { return new Driver().order(); }
                    public java.util.Set<String> architectures() { return new Driver().architectures(); }
                    public org.hotplugemu.api.driver.HotplugDriver create() { return new Driver(); }
                }
                """.formatted(pkg);
        return build(work, jarName, version, Map.of(pkg + ".Driver", driverSource, pkg + ".DriverProvider", provider),
                Map.of("org.hotplugemu.api.driver.HotplugDriverProvider", pkg + ".DriverProvider"));
    }

    public static String driver(String pkg, String name) {
        return """
                package %s;

                public final class Driver implements org.hotplugemu.api.driver.HotplugDriver {
                    public String name() { return "%s"; }
                    public void register(org.hotplugemu.api.driver.DriverContext context) { }
                }
                """.formatted(pkg, name);
    }
}
