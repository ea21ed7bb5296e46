package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.distribution.Launcher.Result;
import org.hotplugemu.distribution.plugin.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar, built here, run by the packaged launcher (the emulator on the module path): it
 * cannot reach the emulator's internals, even reflectively, runs with its own context class loader,
 * and cannot end the emulator with {@code System.exit} or {@code Runtime.exit/halt}.
 */
class PluginIsolationIT {
    @TempDir
    Path work;

    private Path driverPlugin(String name, String members) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins-" + name));
        String source = """
                package %s;
                import org.hotplugemu.api.driver.Callback;
                import org.hotplugemu.api.driver.DriverContext;
                public final class Driver implements org.hotplugemu.api.driver.HotplugDriver {
                    /** Whether the provider's create() ran with this plugin's loader as the context loader. */
                    boolean createdWithOwnLoader;
                    public String name() { return "%s"; }
                    %s
                }
                """.formatted(name, name, members);
        String provider = """
                package %s;
                public final class Provider implements org.hotplugemu.api.driver.HotplugDriverProvider {
                    public String name() { return "%s"; }
                    public org.hotplugemu.api.driver.HotplugDriver create() {
                        Driver driver = new Driver();
                        driver.createdWithOwnLoader = Thread.currentThread().getContextClassLoader() == Driver.class.getClassLoader();
                        return driver;
                    }
                }
                """.formatted(name, name);
        PluginJars.build(plugins, name, "1", Map.of(name + ".Driver", source, name + ".Provider", provider),
                Map.of(HotplugDriverProvider.class.getName(), name + ".Provider"));
        return plugins;
    }

    @Test
    void aPluginCannotOpenTheStateMachineThroughItsContextsClassLoader() throws Exception {
        // What rewrote CPU 1's state to 77 when the core ran on the class path.
        Path plugins = driverPlugin("attacker", """
                public void register(DriverContext context) {
                    try {
                        Class<?> hotplug = context.getClass().getClassLoader().loadClass("org.hotplugemu.core.state.Hotplug");
                        hotplug.getDeclaredConstructors()[0].setAccessible(true);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
                """);

        Result result = Launcher.run("", "boot", "--cpus", "2", "--plugins", plugins.toString());

        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotplug-emu: driver attacker failed to register: its register() threw"
                + " java.lang.reflect.InaccessibleObjectException: Unable to make")
                .contains("module org.hotplugemu.core does not \"opens org.hotplugemu.core.state\" to unnamed module")
                .doesNotContain("\tat ");
    }

    @Test
    void aPluginSeesOnlyTheApiAndItsOwnContextClassLoader() throws Exception {
        Path plugins = driverPlugin("spy", """
                private static final ClassLoader OWN = Driver.class.getClassLoader();

                private static String tccl() {
                    ClassLoader context = Thread.currentThread().getContextClassLoader();
                    return context == OWN ? "own" : String.valueOf(context);
                }

                public void register(DriverContext context) {
                    context.log().info("spy: create tccl " + (createdWithOwnLoader ? "own" : "other"));
                    context.log().info("spy: register tccl " + tccl());
                    boolean[] ran = new boolean[8];
                    context.hotplug().registerSmpbootThread(org.hotplugemu.api.driver.SmpbootThread.of("spy/%u", cpu -> !ran[cpu],
                            cpu -> {
                                ran[cpu] = true;
                                context.log().info("spy: smpboot tccl " + tccl());
                            }));
                    for (String name : new String[] {"org.hotplugemu.core.state.Hotplug", "org.hotplugemu.core.machine.Machine",
                            "com.google.inject.Guice", "com.fasterxml.jackson.databind.ObjectMapper", "org.hotplugemu.api.driver.CpuHotplug"}) {
                        try {
                            Class.forName(name, false, OWN);
                            context.log().info("spy: loaded " + name);
                        } catch (ClassNotFoundException e) {
                            context.log().info("spy: cannot load " + name);
                        }
                    }
                    try {
                        java.lang.reflect.Method method = context.hotplug().getClass().getDeclaredMethods()[0];
                        method.setAccessible(true);
                        context.log().info("spy: opened " + method);
                    } catch (RuntimeException e) {
                        context.log().info("spy: refused " + e.getClass().getName());
                    }
                    int state = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
                    context.hotplug().setupStateNoCalls(state, "spy:online",
                            Callback.of("spy_online", cpu -> context.log().info("spy: startup tccl " + tccl())),
                            Callback.of("spy_offline", cpu -> context.log().info("spy: teardown tccl " + tccl())));
                }

                public void unregister(DriverContext context) {
                    context.log().info("spy: unregister tccl " + tccl());
                }
                """);

        Result result = Launcher.run("echo 0 > /sys/devices/system/cpu/cpu1/online\necho 1 > /sys/devices/system/cpu/cpu1/online\ndmesg\n",
                "run", "--cpus", "2", "--plugins", plugins.toString(), "-");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("spy: create tccl own", "spy: smpboot tccl own", "spy: register tccl own", "spy: teardown tccl own", "spy: startup tccl own",
                "spy: cannot load org.hotplugemu.core.state.Hotplug", "spy: cannot load org.hotplugemu.core.machine.Machine",
                "spy: cannot load com.google.inject.Guice", "spy: cannot load com.fasterxml.jackson.databind.ObjectMapper",
                "spy: loaded org.hotplugemu.api.driver.CpuHotplug", "spy: refused java.lang.reflect.InaccessibleObjectException")
                .doesNotContain("spy: opened").doesNotContainPattern("spy: \\w+ tccl (?!own)");
    }

    @Test
    void systemExitInRegisterIsRefusedAndReportedByName() throws Exception {
        Path plugins = driverPlugin("exiter", """
                public void register(DriverContext context) {
                    System.exit(3);
                }
                """);

        Result result = Launcher.run("", "boot", "--cpus", "2", "--plugins", plugins.toString());

        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("hotplug-emu: driver exiter failed to register: its register() threw"
                + " java.lang.IllegalCallerException: plugin 'exiter' (exiter.jar) called System.exit(3); refused\n");
    }

    @Test
    void runtimeExitAndHaltInCallbacksFailThatOperationAndTheEmulatorGoesOn() throws Exception {
        Path plugins = driverPlugin("halter", """
                public void register(DriverContext context) {
                    int state = context.hotplug().state("CPUHP_AP_ONLINE_DYN");
                    context.hotplug().setupStateNoCalls(state, "halter:online",
                            Callback.of("halter_online", cpu -> Runtime.getRuntime().exit(5)),
                            Callback.of("halter_offline", cpu -> {
                                if (cpu == 1) {
                                    Runtime.getRuntime().halt(4);
                                }
                            }));
                }
                """);
        String cpu = "/sys/devices/system/cpu/";

        Result result = Launcher.run("echo 0 > " + cpu + "cpu1/online\necho 0 > " + cpu + "cpu2/online\necho 1 > " + cpu + "cpu2/online\n"
                + "dmesg\ncat " + cpu + "online\n", "run", "--cpus", "3", "--plugins", plugins.toString(), "-");

        // Each refused call fails its own step (the offline of CPU 1, the online of CPU 2) and the shell goes on.
        assertThat(result.out())
                .contains("cpuhp: callback halter_offline failed with java.lang.IllegalCallerException:"
                        + " plugin 'halter' (halter.jar) called Runtime.halt(4); refused; treated as -EIO")
                .contains("cpuhp: callback halter_online failed with java.lang.IllegalCallerException:"
                        + " plugin 'halter' (halter.jar) called Runtime.exit(5); refused; treated as -EIO");
        assertThat(result.err()).contains("halter_offline threw java.lang.IllegalCallerException")
                .contains("halter_online threw java.lang.IllegalCallerException");
        assertThat(result.out()).endsWith("0-1\n");
        assertThat(result.status()).isNotIn(4, 5);
    }
}
