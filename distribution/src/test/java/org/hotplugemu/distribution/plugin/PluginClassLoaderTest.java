package org.hotplugemu.distribution.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin classes are rewritten as they are defined: System.exit, Runtime.exit and Runtime.halt are refused. */
class PluginClassLoaderTest {
    @TempDir
    Path work;

    private static final String EXITS = """
            package ex;
            public final class Exits {
                public static void system(int status) { System.exit(status); }
                public static void runtimeExit(int status) { Runtime.getRuntime().exit(status); }
                public static void halt(int status) { Runtime r = Runtime.getRuntime(); r.halt(status); }
                public static String harmless() { return "still " + Runtime.getRuntime().availableProcessors(); }
                public static void fromLambda(int status) { Runnable r = () -> System.exit(status); r.run(); }
            }
            """;
    private static final String FROM_INTERFACE = """
            package ex;
            public interface Quitter {
                static void quit() { System.exit(9); }
            }
            """;

    private Class<?> load(String name) throws Exception {
        Path jar = PluginJars.build(work, "quitter", "1", Map.of("ex.Exits", EXITS, "ex.Quitter", FROM_INTERFACE), Map.of());
        PluginClassLoader loader = new PluginClassLoader(jar, getClass().getClassLoader());
        Class<?> type = loader.loadClass(name);
        assertThat(type.getClassLoader()).isSameAs(loader);
        assertThat(type.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(jar.toUri().toURL());
        return type;
    }

    private static Throwable call(Class<?> type, String method, Object... arguments) throws Exception {
        Method target = arguments.length == 0 ? type.getMethod(method) : type.getMethod(method, int.class);
        try {
            target.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
        throw new AssertionError(method + " returned");
    }

    @Test
    void systemExitIsRefusedNamingThePluginAndTheStatus() throws Exception {
        assertThat(call(load("ex.Exits"), "system", 3)).isInstanceOf(IllegalCallerException.class)
                .hasMessage("plugin 'quitter' (quitter.jar) called System.exit(3); refused");
    }

    @Test
    void runtimeExitAndHaltAreRefused() throws Exception {
        Class<?> exits = load("ex.Exits");
        assertThat(call(exits, "runtimeExit", 4)).hasMessage("plugin 'quitter' (quitter.jar) called Runtime.exit(4); refused");
        assertThat(call(exits, "halt", 5)).hasMessage("plugin 'quitter' (quitter.jar) called Runtime.halt(5); refused");
    }

    @Test
    void lambdasAndInterfaceMethodsAreRewrittenToo() throws Exception {
        assertThat(call(load("ex.Exits"), "fromLambda", 6)).hasMessage("plugin 'quitter' (quitter.jar) called System.exit(6); refused");
        assertThat(call(load("ex.Quitter"), "quit")).hasMessage("plugin 'quitter' (quitter.jar) called System.exit(9); refused");
    }

    @Test
    void otherRuntimeCallsStillWork() throws Exception {
        assertThat(load("ex.Exits").getMethod("harmless").invoke(null)).isEqualTo("still " + Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theHostsInternalsCannotBeLoadedByName() throws Exception {
        ClassLoader loader = load("ex.Exits").getClassLoader();
        assertThatThrownBy(() -> Class.forName(PluginLoader.class.getName(), false, loader)).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.google.inject.Guice", false, loader)).isInstanceOf(ClassNotFoundException.class);
        assertThat(Class.forName("org.hotplugemu.api.driver.HotplugDriver", false, loader).getClassLoader()).isSameAs(getClass().getClassLoader());
    }
}
