package org.hotplugemu.tracing;

import static java.util.Objects.requireNonNull;

/**
 * A tracefs operation failed; its {@link Kind} says which errno the host reports
 * (ENOENT, EINVAL, EACCES, EISDIR).
 */
public final class TraceFsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Kind {
        /** No such file or directory (ENOENT). */
        NOT_FOUND,
        /** The value written is not accepted, or the file cannot be read (EINVAL). */
        INVALID_ARGUMENT,
        /** The file cannot be written (EACCES). */
        READ_ONLY,
        /** The path is a directory (EISDIR). */
        IS_DIRECTORY
    }

    private final Kind kind;

    /** Creates an exception of {@code kind} with a message saying what was wrong and what to do. */
    public TraceFsException(Kind kind, String message) {
        super(message);
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** Returns why the operation failed. */
    public Kind kind() {
        return kind;
    }
}
