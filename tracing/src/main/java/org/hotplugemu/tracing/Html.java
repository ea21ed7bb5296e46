package org.hotplugemu.tracing;

import java.util.Locale;

/** Small helpers shared by the HTML report's parts. */
final class Html {
    private Html() {
    }

    /** Escapes text for XML/HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Formats nanoseconds as seconds with microsecond precision, like ftrace timestamps. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f s", nanos / 1e9);
    }

    /** Formats nanoseconds as microseconds. */
    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e3);
    }
}
