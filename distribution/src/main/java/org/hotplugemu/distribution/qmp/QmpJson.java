package org.hotplugemu.distribution.qmp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes QMP messages byte for byte as QEMU does: {@code ": "} and {@code ", "} separators, and the
 * members of an object in QEMU's {@code QDict} iteration order (hash bucket of the key by
 * {@code tdb_hash} modulo 512, later insertions first within a bucket), not insertion order. Maps
 * passed in must iterate in the order QEMU inserts (the QAPI schema's member order).
 */
public final class QmpJson {
    private static final int BUCKETS = 512;

    private QmpJson() {
    }

    /** Returns {@code value} (maps, lists, strings, numbers, booleans, null) as QEMU's JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : qdictOrder(map)) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(entry.getKey().toString(), out);
                out.append(": ");
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as QMP JSON");
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }

    private static List<Map.Entry<?, ?>> qdictOrder(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        List<Map.Entry<?, ?>> reversed = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            reversed.add(entries.get(i));
        }
        // Stable sort of the reversed insertion order: within a bucket the latest insertion comes first.
        reversed.sort(Comparator.comparingInt(entry -> bucket(entry.getKey().toString())));
        return reversed;
    }

    /** QEMU's {@code tdb_hash(key) % QDICT_BUCKET_MAX}. */
    static int bucket(String key) {
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int value = 0x238F13AF * bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            value += (bytes[i] & 0xff) << (i * 5 % 24);
        }
        return Integer.remainderUnsigned(1103515243 * value + 12345, BUCKETS);
    }
}
