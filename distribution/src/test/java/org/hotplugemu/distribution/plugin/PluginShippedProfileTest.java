package org.hotplugemu.distribution.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotplugemu.arch.spi.ArchitectureProvider;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.profile.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar's own state table is found through its provider, behind the plugin class loader (issue 14 item 5). */
class PluginShippedProfileTest {
    private static final String NAME = "linux-6.1-toyjar";

    @TempDir
    Path work;

    @Test
    void aProfileInThePluginJarIsLoadedThroughItsProvider() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        String source = """
                package toyjar;

                public final class Provider implements org.hotplugemu.arch.spi.ArchitectureProvider {
                    public String name() { return "toyjar"; }
                    public String description() { return "test architecture shipping a profile"; }
                    public java.util.Set<String> profiles() { return java.util.Set.of("%s"); }
                    public org.hotplugemu.arch.spi.Architecture create(org.hotplugemu.arch.spi.ArchContext context) {
                        throw new UnsupportedOperationException();
                    }
                }
                """.formatted(NAME);
        Path jar = PluginJars.build(plugins, "toyjar", "1", Map.of("toyjar.Provider", source),
                Map.of(ArchitectureProvider.class.getName(), "toyjar.Provider"));
        String table;
        try (InputStream in = Profiles.class.getResourceAsStream("/profiles/linux-6.1-arm64.json")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\"name\": \"linux-6.1-arm64\"", "\"name\": \"" + NAME + "\"")
                    .replaceFirst("\"arch\": \"arm64\"", "\"arch\": \"toyjar\"");
        }
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.createDirectories(zip.getPath("/profiles"));
            Files.writeString(zip.getPath("/profiles/" + NAME + ".json"), table);
        }

        PluginRegistry registry = PluginLoader.load(getClass().getClassLoader(), List.of(plugins));

        assertThat(registry.problems()).isEmpty();
        ArchitectureProvider provider = registry.architecture("toyjar").orElseThrow();
        Profile profile = Profiles.load(NAME, provider);
        assertThat(profile.name()).isEqualTo(NAME);
        assertThat(profile.arch()).isEqualTo("toyjar");
        assertThat(profile.states()).isEqualTo(Profiles.builtIn("linux-6.1-arm64").states());
    }
}
