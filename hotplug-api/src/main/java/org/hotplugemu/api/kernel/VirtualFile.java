package org.hotplugemu.api.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * One file of the emulated machine's virtual filesystems ({@code /sys}, {@code /sys/kernel/debug}).
 * Reads and writes run on an emulated thread, so they may use the engine's primitives.
 */
@API(status = STABLE, since = "0.1")
public interface VirtualFile {
    /** Returns the file's content, newline included, as {@code cat} prints it. */
    String read();

    /**
     * Writes {@code value} (what {@code echo} sent, trailing newline included).
     *
     * @throws HotplugException with the errno the write system call returns; EACCES for a read-only file
     */
    default void write(String value) {
        throw new HotplugException(Errno.EACCES, "file is read-only");
    }

    /** Returns whether the file accepts writes ({@code ls -l} shows {@code w}). */
    default boolean writable() {
        return false;
    }

    /** A read-only file whose content comes from {@code reader} at each read. */
    static VirtualFile readOnly(java.util.function.Supplier<String> reader) {
        return reader::get;
    }

    /** A file read by {@code reader} and written through {@code writer}. */
    static VirtualFile readWrite(java.util.function.Supplier<String> reader, java.util.function.Consumer<String> writer) {
        return new VirtualFile() {
            @Override
            public String read() {
                return reader.get();
            }

            @Override
            public void write(String value) {
                writer.accept(value);
            }

            @Override
            public boolean writable() {
                return true;
            }
        };
    }
}
