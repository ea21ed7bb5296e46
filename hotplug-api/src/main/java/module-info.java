/**
 * The plugin API: what driver and architecture plugins compile against. JDK only at run time (the
 * apiguardian {@code @API} stability marks are compile-time only); its four packages are all exported.
 */
module org.hotplugemu.api {
    requires static transitive org.apiguardian.api;

    exports org.hotplugemu.api.driver;
    exports org.hotplugemu.api.kernel;
    exports org.hotplugemu.api.sched;
    exports org.hotplugemu.api.trace;
}
