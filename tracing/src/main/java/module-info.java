/** Trace recording and its text, JSON and HTML reports: internal, read only by the core and the distribution. */
module org.hotplugemu.tracing {
    requires transitive org.hotplugemu.api;
    requires com.fasterxml.jackson.core;

    exports org.hotplugemu.tracing to org.hotplugemu.core, org.hotplugemu.distribution;
}
