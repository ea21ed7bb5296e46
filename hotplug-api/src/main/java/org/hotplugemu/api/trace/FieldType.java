package org.hotplugemu.api.trace;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The type of one field of a trace event, with the C type and size its {@code format} file shows.
 */
@API(status = STABLE, since = "0.1")
public enum FieldType {
    U8("unsigned char", 1, false),
    U16("unsigned short", 2, false),
    U32("unsigned int", 4, false),
    S32("int", 4, true),
    U64("unsigned long", 8, false),
    S64("long", 8, true),
    /** A code address printed with {@code %ps}; the emitted value is the symbol name as a String. */
    SYMBOL("void *", 8, false),
    /** A string stored in the event ({@code __string}); the emitted value is a String. */
    STRING("__data_loc char[]", 4, true);

    private final String cType;
    private final int size;
    private final boolean signed;

    FieldType(String cType, int size, boolean signed) {
        this.cType = cType;
        this.size = size;
        this.signed = signed;
    }

    public String cType() {
        return cType;
    }

    public int size() {
        return size;
    }

    public boolean signed() {
        return signed;
    }
}
