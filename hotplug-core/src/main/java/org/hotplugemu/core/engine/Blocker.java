package org.hotplugemu.core.engine;

/** A primitive an emulated thread can block on, able to say who holds it for a hang report. */
interface Blocker {
    /**
     * Returns who holds this primitive, e.g. {@code sh/4} or {@code cpuhp/1/9, cpuhp/2/12 (read)},
     * or empty when nobody does or it has no owner (a completion). Called from any Java thread
     * while the engine may be running; must not block for long.
     */
    String holders();
}
