package org.hotplugemu.archetypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM has no parent (importing it must not pin the emulator's own dependencies) and the
 * archetypes' poms are templates, so their versions are written out: they must stay the build's.
 */
class KitVersionsTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> TEMPLATES = List.of("hotplug-emu-arch-archetype", "hotplug-emu-driver-archetype");

    @Test
    void theBomPinsWhatTheBuildUses() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("hotplug-emu-bom/pom.xml"));

        assertThat(tag(bom, "version")).isEqualTo(tag(parent, "version"));
        assertThat(tag(bom, "hotplug-emu.version")).isEqualTo(tag(parent, "version"));
        for (String property : List.of("junit.version", "assertj.version", "auto-service.version")) {
            assertThat(tag(bom, property)).as(property).isEqualTo(tag(parent, property));
        }
    }

    @Test
    void theGeneratedBuildsUseTheBuildsPluginVersions() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        for (String archetype : TEMPLATES) {
            String template = Files.readString(ROOT.resolve(archetype).resolve("src/main/resources/archetype-resources/pom.xml"));
            Matcher plugins = PLUGIN.matcher(template);
            int found = 0;
            while (plugins.find()) {
                found++;
                String artifact = plugins.group(1);
                Matcher inParent = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>\\s*<version>([^<]+)</version>")
                        .matcher(parent);
                assertThat(inParent.find()).as("%s pins %s, which the parent pom does not", archetype, artifact).isTrue();
                assertThat(plugins.group(2)).as("%s's %s", archetype, artifact).isEqualTo(inParent.group(1));
            }
            assertThat(found).as("plugins pinned in %s", archetype).isEqualTo(5);
        }
    }

    private static final Pattern PLUGIN = Pattern.compile("<artifactId>(maven-[a-z-]+-plugin)</artifactId>\\s*<version>([^<]+)</version>");

    private static String tag(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<$]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(matcher.find()).as("<%s> in the pom", name).isTrue();
        return matcher.group(1);
    }
}
