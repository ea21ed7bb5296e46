package org.hotplugemu.fuse;

/**
 * The modes and sizes the kernel gives each file system's files: sysfs attributes are 4096 bytes
 * (one page) and 0644 or 0444; tracefs files of 6.1 are 0640 or 0440 ({@code TRACE_MODE_WRITE},
 * {@code TRACE_MODE_READ}) with the write-only {@code trace_marker} at 0220; debugfs files report
 * size 0; the tracefs and debugfs roots are 0700.
 */
final class Modes {
    static final String TRACING = "/sys/kernel/tracing";
    static final String DEBUG = "/sys/kernel/debug";

    private Modes() {
    }

    static int directory(String path) {
        return path.equals(TRACING) || path.equals(DEBUG) ? 0700 : 0755;
    }

    static int file(String path, boolean writable) {
        if (under(path, TRACING)) {
            if (path.equals(TRACING + "/trace_marker")) {
                return 0220;
            }
            return writable ? 0640 : 0440;
        }
        return writable ? 0644 : 0444;
    }

    /** sysfs reports every attribute as one page; tracefs and debugfs files report 0. */
    static long size(String path) {
        return under(path, TRACING) || under(path, DEBUG) ? 0 : 4096;
    }

    /** Returns whether writes to {@code path} follow sysfs rules (one page at most, E2BIG beyond). */
    static boolean sysfsAttribute(String path) {
        return size(path) == 4096;
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
