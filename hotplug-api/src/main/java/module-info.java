/**
 * The plugin API: what driver and architecture plugins compile against. JDK only; its four
 * packages are the only ones it has, and all of them are exported. Stability marks
 * (apiguardian's {@code @API}) come with issue 14's API work; when they land, this module gains
 * {@code requires static org.apiguardian.api}.
 */
module org.hotplugemu.api {
    exports org.hotplugemu.api.driver;
    exports org.hotplugemu.api.kernel;
    exports org.hotplugemu.api.sched;
    exports org.hotplugemu.api.trace;
}
