package org.hotplugemu.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import org.hotplugemu.api.driver.HotplugDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay command names the drivers a machine was tested with. */
class ReplayCommandTest {
    private static final MachineSpec SPEC = new MachineSpec("x86", 2, "", "sim", 3, "");

    /** Defines a class from bytes as if it came from {@code jar}, as a plugin loader would. */
    private static final class JarLoader extends ClassLoader {
        JarLoader() {
            super(ReplayCommandTest.class.getClassLoader());
        }

        Class<?> define(Class<?> original, Path jar) throws IOException {
            String resource = original.getName().replace('.', '/') + ".class";
            try (InputStream in = original.getClassLoader().getResourceAsStream(resource)) {
                byte[] bytes = in.readAllBytes();
                CodeSource source = new CodeSource(jar.toUri().toURL(), (Certificate[]) null);
                return defineClass(original.getName(), bytes, 0, bytes.length, new ProtectionDomain(source, null));
            }
        }
    }

    @Test
    void withoutDriversItIsTheShellCommandOfTheSpec() {
        assertThat(SPEC.replayCommand(List.of())).isEqualTo(SPEC.replayCommand())
                .isEqualTo("hotplug-emu shell --arch x86 --cpus 2 --engine sim --seed 3");
    }

    @Test
    void aDriverFromAJarAddsItsDirectoryAsPlugins(@TempDir Path plugins) throws Exception {
        Path jar = Files.createFile(plugins.resolve("example-driver.jar"));
        HotplugDriver driver = (HotplugDriver) new JarLoader().define(ExampleDriver.class, jar).getDeclaredConstructor().newInstance();

        assertThat(SPEC.replayCommand(List.of(new CallbackRecorder().wrap(driver))))
                .isEqualTo("hotplug-emu shell --arch x86 --cpus 2 --engine sim --seed 3 --plugins " + plugins);
    }

    @Test
    void aDriverOutsideAnyJarIsNamedWithItsClassAndWhereItIs() {
        String command = SPEC.replayCommand(List.of(new CallbackRecorder().wrap(new ExampleDriver())));

        assertThat(command).startsWith("hotplug-emu shell --arch x86 --cpus 2 --engine sim --seed 3  # and the drivers "
                + new ExampleDriver().name() + " (" + ExampleDriver.class.getName() + " in ")
                .contains("test-classes").doesNotContain("--plugins /");
    }
}
