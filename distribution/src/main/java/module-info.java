/**
 * The assembled emulator: CLI, shell, option checks and plugin loading. Exports nothing; its
 * packages are opened only to picocli, which reflects on the commands. Architectures and drivers
 * are found as services; plugin jars are loaded by
 * {@link org.hotplugemu.distribution.plugin.PluginLoader}, each behind a class loader that sees
 * only the plugin API.
 */
module org.hotplugemu.distribution {
    requires org.hotplugemu.core;
    requires org.hotplugemu.fuse;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.jline;
    requires org.objectweb.asm;
    requires java.management;
    requires jdk.unsupported;

    uses org.hotplugemu.arch.spi.ArchitectureProvider;
    uses org.hotplugemu.api.driver.HotplugDriverProvider;

    opens org.hotplugemu.distribution to info.picocli;
    opens org.hotplugemu.distribution.cli to info.picocli;
}
