/**
 * Mounts a machine's sysfs with FUSE; used by the distribution only. jnr-fuse puts classes into
 * jnr-ffi's packages (a split package that two modules cannot share), so jnr-fuse is part of
 * jnr-ffi's automatic module {@code org.jnrproject.ffi}: patched into it at compile time by this
 * module's pom, merged into the jnr-ffi jar of the distribution's {@code lib/} when it is built.
 */
module org.hotplugemu.fuse {
    requires org.hotplugemu.core;
    requires org.jnrproject.ffi;

    exports org.hotplugemu.fuse to org.hotplugemu.distribution;
}
