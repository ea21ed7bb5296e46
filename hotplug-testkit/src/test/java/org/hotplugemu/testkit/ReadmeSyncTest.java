package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's driver test example is {@link ReadmeExampleTest} and {@link ExampleDriver}, so it compiles and passes. */
class ReadmeSyncTest {
    private static final Path SOURCES = Path.of("src/test/java/org/hotplugemu/testkit");

    @Test
    void readmeShowsTheExampleTestAndDriverVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).contains(body("ReadmeExampleTest.java")).contains(body("ExampleDriver.java"));
    }

    /** The file from its first import on (the README leaves out the package line). */
    private static String body(String file) throws Exception {
        String source = Files.readString(SOURCES.resolve(file));
        return source.substring(source.indexOf("import "));
    }
}
