/**
 * The emulated kernel: hotplug state machine, driver host, sysfs, engines and machines. Nothing
 * here is exported to plugins: its packages go only to the emulator's own modules that need them,
 * and only the machine's wiring is open, to Guice alone, so a plugin cannot reach the state machine
 * even reflectively.
 */
module org.hotplugemu.core {
    requires transitive org.hotplugemu.api;
    requires transitive org.hotplugemu.arch.spi;
    requires transitive org.hotplugemu.tracing;
    requires com.fasterxml.jackson.databind;
    requires com.google.guice;
    requires java.management;

    exports org.hotplugemu.core.driver to org.hotplugemu.distribution;

    uses org.hotplugemu.api.driver.HotplugDriverProvider;

    exports org.hotplugemu.core.engine to org.hotplugemu.distribution;
    exports org.hotplugemu.core.machine to org.hotplugemu.distribution, org.hotplugemu.fuse;
    exports org.hotplugemu.core.profile to org.hotplugemu.distribution;
    exports org.hotplugemu.core.sysdev to org.hotplugemu.distribution;
    exports org.hotplugemu.core.sysfs to org.hotplugemu.fuse;

    // MachineInjector's feature modules, whose provider methods Guice calls reflectively.
    opens org.hotplugemu.core.machine to com.google.guice;
}
