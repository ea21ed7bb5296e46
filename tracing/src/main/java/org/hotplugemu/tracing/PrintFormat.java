package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel {@code print fmt} compiled once at registration and applied to an event's field values
 * at read time: a small printf engine for the conversions tracepoints use.
 */
final class PrintFormat {
    private final List<Object> parts;
    private final int conversions;

    private PrintFormat(List<Object> parts, int conversions) {
        this.parts = parts;
        this.conversions = conversions;
    }

    /** One conversion: flags, width, precision, length modifier and conversion character. */
    private record Conversion(boolean leftAlign, boolean zeroPad, int width, int precision, int longs,
            char kind, boolean symbol, int argument) {
    }

    /**
     * Compiles {@code format}.
     *
     * @throws IllegalArgumentException when a conversion is unsupported or malformed
     */
    static PrintFormat compile(String format) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int argument = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i < format.length() && format.charAt(i) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            boolean left = false;
            boolean zero = false;
            while (i < format.length() && (format.charAt(i) == '-' || format.charAt(i) == '0')) {
                if (format.charAt(i++) == '-') {
                    left = true;
                } else {
                    zero = true;
                }
            }
            int width = 0;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                width = width * 10 + (format.charAt(i++) - '0');
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    precision = precision * 10 + (format.charAt(i++) - '0');
                }
            }
            int longs = 0;
            while (i < format.length() && "lhz".indexOf(format.charAt(i)) >= 0) {
                if (format.charAt(i++) != 'h') {
                    longs++;
                }
            }
            if (i >= format.length()) {
                throw new IllegalArgumentException("print format ends inside a conversion: " + format);
            }
            char kind = format.charAt(i++);
            if ("diuxXcsp".indexOf(kind) < 0) {
                throw new IllegalArgumentException("unsupported conversion %" + kind + " in print format: " + format);
            }
            boolean symbol = false;
            if (kind == 'p' && i < format.length() && (format.charAt(i) == 's' || format.charAt(i) == 'S')) {
                symbol = true;
                i++;
            }
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(new Conversion(left, zero, width, precision, longs, kind, symbol, argument++));
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new PrintFormat(List.copyOf(parts), argument);
    }

    /** Returns how many arguments the format consumes. */
    int conversions() {
        return conversions;
    }

    /** Formats {@code values} (typed by {@code fields}) into {@code out}. */
    void format(StringBuilder out, List<EventField> fields, Object[] values) {
        for (Object part : parts) {
            if (part instanceof String text) {
                out.append(text);
            } else {
                Conversion conversion = (Conversion) part;
                FieldType type = fields.get(conversion.argument()).type();
                pad(out, conversion, render(conversion, type, values[conversion.argument()]));
            }
        }
    }

    private static String render(Conversion c, FieldType type, Object value) {
        if (c.kind() == 's' || c.symbol()) {
            String text = value instanceof Number number ? "0x" + Long.toHexString(number.longValue())
                    : String.valueOf(value);
            return c.precision() >= 0 && text.length() > c.precision() ? text.substring(0, c.precision()) : text;
        }
        long raw = value instanceof Number number ? asStored(type, number.longValue()) : 0;
        boolean wide = c.longs() > 0;
        return switch (c.kind()) {
            case 'd', 'i' -> Long.toString(wide ? raw : (int) raw);
            case 'u' -> wide ? Long.toUnsignedString(raw) : Long.toString(raw & 0xffffffffL);
            case 'x' -> wide ? Long.toHexString(raw) : Integer.toHexString((int) raw);
            case 'X' -> (wide ? Long.toHexString(raw) : Integer.toHexString((int) raw)).toUpperCase();
            case 'c' -> String.valueOf((char) (raw & 0xff));
            case 'p' -> "0x" + Long.toHexString(raw);
            default -> throw new IllegalStateException("unreachable conversion " + c.kind());
        };
    }

    /** Reduces a value to what a field of {@code type} stores, as the C struct would. */
    static long asStored(FieldType type, long value) {
        return switch (type) {
            case U8 -> value & 0xff;
            case U16 -> value & 0xffff;
            case U32 -> value & 0xffffffffL;
            case S32 -> (int) value;
            default -> value;
        };
    }

    private static void pad(StringBuilder out, Conversion c, String text) {
        int missing = c.width() - text.length();
        if (missing <= 0) {
            out.append(text);
        } else if (c.leftAlign()) {
            out.append(text).repeat(' ', missing);
        } else if (c.zeroPad() && c.kind() != 's' && c.kind() != 'c' && !c.symbol()) {
            int signLength = text.startsWith("-") ? 1 : 0;
            out.append(text, 0, signLength).repeat('0', missing).append(text, signLength, text.length());
        } else {
            out.repeat(' ', missing).append(text);
        }
    }
}
