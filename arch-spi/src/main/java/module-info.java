/** The architecture SPI that backends implement; it builds on the plugin API and re-exports it. */
module org.hotplugemu.arch.spi {
    requires transitive org.hotplugemu.api;

    exports org.hotplugemu.arch.spi;
}
