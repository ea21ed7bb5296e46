/** The arm64 backend: found by ServiceLoader through its provider; exports nothing. */
module org.hotplugemu.arch.arm64 {
    requires org.hotplugemu.arch.spi;
    requires static com.google.auto.service;

    provides org.hotplugemu.arch.spi.ArchitectureProvider with org.hotplugemu.arch.arm64.Arm64ArchitectureProvider;
}
