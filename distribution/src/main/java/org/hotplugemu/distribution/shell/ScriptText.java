package org.hotplugemu.distribution.shell;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a script file's bytes into lines: UTF-8 only (a byte that is not names the line and the
 * byte), with a leading byte-order mark dropped as editors on some systems write one.
 */
public final class ScriptText {
    private ScriptText() {
    }

    /**
     * Returns the lines of {@code bytes}.
     *
     * @throws ScriptSyntaxException when the bytes are not UTF-8, naming {@code name}, the line and the byte offset
     */
    public static List<String> lines(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ScriptSyntaxException(String.format("%s:%d: the script is not UTF-8 text (byte 0x%02x at offset %d,"
                    + " column %d of the line); save it as UTF-8", name, line, bytes[offset] & 0xff, offset, offset - lineStart + 1));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }
}
