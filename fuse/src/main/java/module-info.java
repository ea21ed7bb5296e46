/**
 * Mounts a machine's sysfs with FUSE; used by the distribution only. jnr-fuse puts classes into
 * jnr-ffi's packages (a split package that two modules cannot share), so jnr-fuse is patched into
 * jnr-ffi's automatic module {@code org.jnrproject.ffi} (at compile time by this module's pom, at run
 * time by the launcher's {@code --patch-module}).
 */
module org.hotplugemu.fuse {
    requires org.hotplugemu.core;
    requires org.jnrproject.ffi;

    exports org.hotplugemu.fuse to org.hotplugemu.distribution;
}
