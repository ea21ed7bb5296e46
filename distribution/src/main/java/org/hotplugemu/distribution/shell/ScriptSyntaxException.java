package org.hotplugemu.distribution.shell;

/** A script line the interpreter cannot run at all: a syntax error or an unknown command. */
public final class ScriptSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScriptSyntaxException(String message) {
        super(message);
    }
}
