package org.hotplugemu.core.engine;

import java.util.List;

/**
 * An edge of lockdep's graph: {@code to} was taken while the class owning this edge was held, with
 * the emulated call chain of that first acquisition, innermost call first.
 */
record Dependency(LockClass to, List<String> trace) {
}
