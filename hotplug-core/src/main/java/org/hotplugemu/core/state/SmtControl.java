package org.hotplugemu.core.state;

import java.util.Locale;

/** {@code cpu_smt_control}: whether SMT siblings may be online ({@code smt/control}). */
public enum SmtControl {
    ON("on"),
    OFF("off"),
    FORCE_OFF("forceoff"),
    NOT_SUPPORTED("notsupported"),
    NOT_IMPLEMENTED("notimplemented");

    private final String text;

    SmtControl(String text) {
        this.text = text;
    }

    /** Returns what {@code smt/control} reads, without the newline. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT);
    }
}
