package org.hotplugemu.distribution.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
    private static final String ARCH_SERVICE = ArchitectureProvider.class.getName();
    private static final String DRIVER_SERVICE = HotplugDriver.class.getName();

    @TempDir
    Path work;

    private Path plugins() throws Exception {
        return Files.createDirectories(work.resolve("plugins"));
    }

    @Test
    void architectureJarIsLoadedWithNameVersionAndJar() throws Exception {
        Path jar = PluginJars.build(plugins(), "toy-arch", "1.2.3",
                Map.of("toy.Provider", PluginJars.architectureProvider("toy", "toy", "")), Map.of(ARCH_SERVICE, "toy.Provider"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.problems()).isEmpty();
        Plugin<ArchitectureProvider> toy = registry.architectures().stream().filter(p -> p.name().equals("toy")).findFirst().orElseThrow();
        assertThat(toy.version()).isEqualTo("1.2.3");
        assertThat(toy.origin()).isEqualTo(jar);
        assertThat(toy.builtIn()).isFalse();
        assertThat(registry.architecture("toy")).containsSame(toy.instance());
    }

    @Test
    void eachJarGetsItsOwnClassLoaderBehindTheApiFilter() throws Exception {
        PluginJars.build(plugins(), "a", "1", Map.of("a.Provider", PluginJars.architectureProvider("a", "a", "")), Map.of(ARCH_SERVICE, "a.Provider"));
        PluginJars.buildDriver(plugins(), "b", "1", "b", PluginJars.driver("b", "b-driver"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        ClassLoader archLoader = registry.architecture("a").orElseThrow().getClass().getClassLoader();
        ClassLoader driverLoader = registry.drivers().stream().filter(p -> p.name().equals("b-driver")).findFirst().orElseThrow()
                .instance().getClass().getClassLoader();
        assertThat(archLoader).isNotSameAs(driverLoader).isNotSameAs(getClass().getClassLoader());
        assertThat(archLoader.getParent()).isInstanceOf(SpiOnlyClassLoader.class);
    }

    @Test
    void pluginCannotSeeTheHostsInternals() throws Exception {
        // The provider touches a host class outside the plugin API while describing itself.
        String touch = "org.hotplugemu.distribution.plugin.PluginLoader.class.getName();";
        PluginJars.build(work, "sneaky", "1", Map.of("s.Provider", PluginJars.architectureProvider("s", "sneaky", touch)),
                Map.of(ARCH_SERVICE, "s.Provider"));
        Files.createDirectories(work.resolve("only"));
        Files.move(work.resolve("sneaky.jar"), work.resolve("only/sneaky.jar"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(work.resolve("only")));

        assertThat(registry.architecture("sneaky")).isEmpty();
        assertThat(registry.problems()).singleElement().asString().contains("sneaky.jar").contains("org.hotplugemu.arch.spi.*");
    }

    @Test
    void duplicateArchitectureNamesAreAProblem() throws Exception {
        PluginJars.build(plugins(), "one", "1", Map.of("one.Provider", PluginJars.architectureProvider("one", "same", "")), Map.of(ARCH_SERVICE, "one.Provider"));
        PluginJars.build(plugins(), "two", "1", Map.of("two.Provider", PluginJars.architectureProvider("two", "same", "")), Map.of(ARCH_SERVICE, "two.Provider"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.problems()).singleElement().asString()
                .startsWith("duplicate architecture name 'same' in " + plugins().resolve("two.jar"));
        assertThat(registry.architectureNames()).containsOnlyOnce("same");
    }

    @Test
    void blankNameIsAProblem() throws Exception {
        PluginJars.build(plugins(), "blank", "1", Map.of("x.Provider", PluginJars.architectureProvider("x", " ", "")), Map.of(ARCH_SERVICE, "x.Provider"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.problems()).singleElement().asString().contains("x.Provider has a blank architecture name");
    }

    @Test
    void jarWithoutServicesAndMissingDirectoryAreProblems() throws Exception {
        PluginJars.build(plugins(), "empty", "1", Map.of("e.Nothing", "package e; public class Nothing { }"), Map.of());
        Files.writeString(plugins().resolve("README.txt"), "not a jar");

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins(), work.resolve("missing")));

        assertThat(registry.problems()).containsExactly(
                plugins().resolve("empty.jar") + ": provides no architecture and no driver (add META-INF/services entries, e.g. with @AutoService,"
                        + " whose processor (com.google.auto.service:auto-service) must be on the compiler's annotation processor path)",
                "plugin directory " + work.resolve("missing") + " does not exist: give --plugins an existing directory");
    }

    @Test
    void driversAreFilteredByArchitecture() throws Exception {
        String armOnly = """
                package arm;
                public final class Driver implements org.hotplugemu.api.driver.HotplugDriver {
                    public String name() { return "arm-only"; }
                    public java.util.Set<String> architectures() { return java.util.Set.of("arm64"); }
                    public void register(org.hotplugemu.api.driver.DriverContext context) { }
                }
                """;
        PluginJars.buildDriver(plugins(), "arm", "1", "arm", armOnly);
        PluginJars.buildDriver(plugins(), "any", "1", "any", PluginJars.driver("any", "anywhere"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.driversFor("x86")).extracting(HotplugDriverProvider::name).contains("anywhere").doesNotContain("arm-only");
        assertThat(registry.driversFor("arm64")).extracting(HotplugDriverProvider::name).contains("anywhere", "arm-only");
    }

    @Test
    void eachMachineGetsANewDriverFromAPluginsProvider() throws Exception {
        PluginJars.buildDriver(plugins(), "any", "1", "any", PluginJars.driver("any", "anywhere"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        HotplugDriverProvider provider = registry.driversFor("x86").stream().filter(p -> p.name().equals("anywhere")).findFirst().orElseThrow();
        assertThat(provider.create()).isNotSameAs(provider.create());
        assertThat(provider.create().getClass().getClassLoader()).isSameAs(provider.getClass().getClassLoader());
    }

    @Test
    void aJarDeclaringADriverInsteadOfAProviderIsToldToDeclareAProvider() throws Exception {
        PluginJars.build(plugins(), "old", "1", Map.of("old.Driver", PluginJars.driver("old", "old-style")), Map.of(DRIVER_SERVICE, "old.Driver"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.driversFor("x86")).extracting(HotplugDriverProvider::name).doesNotContain("old-style");
        assertThat(registry.problems()).containsExactly(plugins().resolve("old.jar") + ": declares a HotplugDriver as a service;"
                + " declare a HotplugDriverProvider that creates it for each machine instead (@AutoService(HotplugDriverProvider.class))");
    }

    @Test
    void garbageEmptyAndDirectoryJarsEachGetTheirOwnMessage() throws Exception {
        Files.writeString(plugins().resolve("garbage.jar"), "this is no zip archive");
        Files.createFile(plugins().resolve("empty.jar"));
        Files.createDirectories(plugins().resolve("folder.jar"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.problems()).hasSize(3);
        assertThat(registry.problems().get(0)).startsWith(plugins().resolve("empty.jar") + ": is empty (0 bytes), not a jar file");
        assertThat(registry.problems().get(1)).startsWith(plugins().resolve("folder.jar") + ": is a directory, not a jar file");
        assertThat(registry.problems().get(2)).startsWith(plugins().resolve("garbage.jar") + ": is not a jar file (not a zip archive");
    }

    @Test
    void constructorFailureKeepsItsCause() throws Exception {
        String failing = """
                package boom;
                public final class Provider implements org.hotplugemu.arch.spi.ArchitectureProvider {
                    public Provider() { throw new IllegalStateException("missing boom.properties"); }
                    public String name() { return "boom"; }
                    public String description() { return "fails"; }
                    public org.hotplugemu.arch.spi.Architecture create(org.hotplugemu.arch.spi.ArchContext context) {
                        throw new UnsupportedOperationException();
                    }
                }
                """;
        PluginJars.build(plugins(), "boom", "1", Map.of("boom.Provider", failing), Map.of(ARCH_SERVICE, "boom.Provider"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.problems()).singleElement().asString()
                .contains("boom.jar: cannot load a ArchitectureProvider")
                .contains("java.lang.IllegalStateException: missing boom.properties");
    }

    @Test
    void anErrorFromNameIsAProblemNamingThePlugin() throws Exception {
        String throwing = "if (true) throw new AssertionError(\"name not configured\");";
        PluginJars.build(plugins(), "err", "1", Map.of("err.Provider", PluginJars.architectureProvider("err", "err", throwing)),
                Map.of(ARCH_SERVICE, "err.Provider"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins()));

        assertThat(registry.problems()).singleElement().asString()
                .isEqualTo(plugins().resolve("err.jar") + ": err.Provider failed to describe itself: name not configured");
    }

    @Test
    void theSameDirectoryGivenTwiceIsSearchedOnce() throws Exception {
        PluginJars.build(plugins(), "toy-arch", "1", Map.of("toy.Provider", PluginJars.architectureProvider("toy", "toy", "")),
                Map.of(ARCH_SERVICE, "toy.Provider"));

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(),
                List.of(plugins(), plugins().resolve("../plugins"), plugins()));

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.architectureNames()).containsOnlyOnce("toy");
    }
}
