package org.hotplugemu.distribution.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * QMP's input side as QEMU 7.2 reads it ({@code qobject/json-lexer.c}, {@code json-streamer.c},
 * {@code json-parser.c}): bytes are cut into tokens; a value is parsed when its braces and brackets
 * balance; a lexical error is reported as {@code JSON parse error, stray 'TEXT'} and the lexer skips
 * to the next structural character or control character; a syntax error as
 * {@code JSON parse error, MESSAGE} with QEMU's messages. The connection stays up either way.
 * Single-quoted strings and the {@code \'} escape are accepted, as QEMU does.
 */
final class QmpStreamer {
    /** What one complete input value gave: a value, or a parse error text (never both). */
    record Message(JsonNode value, String error) {
    }

    private enum Kind { LCURLY, RCURLY, LSQUARE, RSQUARE, COLON, COMMA, STRING, INTEGER, FLOAT, KEYWORD }

    private record Token(Kind kind, byte[] text) {
        String ascii() {
            return new String(text, StandardCharsets.ISO_8859_1);
        }
    }

    private enum State { START, RECOVERY, STRING, STRING_ESCAPE, ZERO, DIGITS, SIGN, MANTISSA, MANTISSA_DIGITS, EXP_E, EXP_SIGN, EXP_DIGITS, KEYWORD }

    private final Consumer<Message> emit;
    private final ByteArrayOutputStream token = new ByteArrayOutputStream();
    private final Deque<Token> tokens = new ArrayDeque<>();
    private State state = State.START;
    private int quote;
    private int braces;
    private int brackets;

    QmpStreamer(Consumer<Message> emit) {
        this.emit = emit;
    }

    /** Feeds one byte of input. */
    void feed(int b) {
        boolean consumed = false;
        while (!consumed) {
            consumed = true;
            switch (state) {
                case RECOVERY -> {
                    if (b < 0x20 && b != '\t' || b >= 0xFE || "[]{}:,".indexOf(b) >= 0) {
                        state = State.START;
                        consumed = false;
                    }
                }
                case START -> start(b);
                case STRING -> {
                    if (b == quote) {
                        token.write(b);
                        finish(Kind.STRING);
                    } else if (b >= 0x20 && b <= 0xFD) {
                        token.write(b);
                        state = b == '\\' ? State.STRING_ESCAPE : State.STRING;
                    } else {
                        error(b);
                    }
                }
                case STRING_ESCAPE -> {
                    if (b >= 0x20 && b <= 0xFD) {
                        token.write(b);
                        state = State.STRING;
                    } else {
                        error(b);
                    }
                }
                case KEYWORD -> {
                    if (b >= 'a' && b <= 'z') {
                        token.write(b);
                    } else {
                        finish(Kind.KEYWORD);
                        consumed = false;
                    }
                }
                default -> consumed = number(b);
            }
        }
    }

    private void start(int b) {
        switch (b) {
            case '"', '\'' -> {
                quote = b;
                token.write(b);
                state = State.STRING;
            }
            case '{' -> single(b, Kind.LCURLY);
            case '}' -> single(b, Kind.RCURLY);
            case '[' -> single(b, Kind.LSQUARE);
            case ']' -> single(b, Kind.RSQUARE);
            case ',' -> single(b, Kind.COMMA);
            case ':' -> single(b, Kind.COLON);
            case ' ', '\t', '\r', '\n' -> { }
            case '0' -> begin(b, State.ZERO);
            case '-' -> begin(b, State.SIGN);
            default -> {
                if (b >= '1' && b <= '9') {
                    begin(b, State.DIGITS);
                } else if (b >= 'a' && b <= 'z') {
                    begin(b, State.KEYWORD);
                } else {
                    error(b);
                }
            }
        }
    }

    /** A number's next byte; returns false when the byte ends the number and must be read again. */
    private boolean number(int b) {
        boolean digit = b >= '0' && b <= '9';
        State next = switch (state) {
            case SIGN -> b == '0' ? State.ZERO : digit ? State.DIGITS : null;
            case ZERO -> digit ? null : b == '.' ? State.MANTISSA : State.START;
            case DIGITS -> digit ? State.DIGITS : b == '.' ? State.MANTISSA : b == 'e' || b == 'E' ? State.EXP_E : State.START;
            case MANTISSA -> digit ? State.MANTISSA_DIGITS : null;
            case MANTISSA_DIGITS -> digit ? State.MANTISSA_DIGITS : b == 'e' || b == 'E' ? State.EXP_E : State.START;
            case EXP_E -> b == '-' || b == '+' ? State.EXP_SIGN : digit ? State.EXP_DIGITS : null;
            case EXP_SIGN -> digit ? State.EXP_DIGITS : null;
            case EXP_DIGITS -> digit ? State.EXP_DIGITS : State.START;
            default -> throw new IllegalStateException(String.valueOf(state));
        };
        if (next == null) {
            error(b);
            return true;
        }
        if (next == State.START) {
            finish(state == State.ZERO || state == State.DIGITS ? Kind.INTEGER : Kind.FLOAT);
            return false;
        }
        token.write(b);
        state = next;
        return true;
    }

    private void begin(int b, State next) {
        token.write(b);
        state = next;
    }

    private void single(int b, Kind kind) {
        token.write(b);
        finish(kind);
    }

    /** A lexical error: the token so far and the offending byte are reported, then input is skipped. */
    private void error(int b) {
        token.write(b);
        String stray = new String(token.toByteArray(), StandardCharsets.UTF_8);
        token.reset();
        state = State.RECOVERY;
        reset();
        emit.accept(new Message(null, "JSON parse error, stray '" + stray + "'"));
    }

    private void finish(Kind kind) {
        Token done = new Token(kind, token.toByteArray());
        token.reset();
        state = State.START;
        switch (kind) {
            case LCURLY -> braces++;
            case RCURLY -> braces--;
            case LSQUARE -> brackets++;
            case RSQUARE -> brackets--;
            default -> { }
        }
        tokens.addLast(done);
        if ((braces > 0 || brackets > 0) && braces >= 0 && brackets >= 0) {
            return;
        }
        Parser parser = new Parser(new ArrayDeque<>(tokens));
        JsonNode value = parser.value();
        reset();
        emit.accept(parser.error != null ? new Message(null, "JSON parse error, " + parser.error) : new Message(value, null));
    }

    private void reset() {
        tokens.clear();
        braces = 0;
        brackets = 0;
    }

    /** {@code json-parser.c}: recursive descent over one value's tokens; the first error wins. */
    private static final class Parser {
        private final Deque<Token> tokens;
        private String error;

        Parser(Deque<Token> tokens) {
            this.tokens = tokens;
        }

        private void fail(String message) {
            if (error == null) {
                error = message;
            }
        }

        JsonNode value() {
            Token peek = tokens.peekFirst();
            if (peek == null) {
                fail("premature EOI");
                return null;
            }
            return switch (peek.kind()) {
                case LCURLY -> object();
                case LSQUARE -> array();
                case STRING -> string(tokens.pollFirst());
                case INTEGER, FLOAT -> number(tokens.pollFirst());
                case KEYWORD -> keyword(tokens.pollFirst());
                default -> {
                    fail("expecting value");
                    yield null;
                }
            };
        }

        private JsonNode object() {
            tokens.pollFirst();
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            if (tokens.peekFirst() == null) {
                fail("premature EOI");
                return null;
            }
            if (tokens.peekFirst().kind() == Kind.RCURLY) {
                tokens.pollFirst();
                return object;
            }
            while (true) {
                if (!pair(object)) {
                    return null;
                }
                Token next = tokens.pollFirst();
                if (next == null) {
                    fail("premature EOI");
                    return null;
                }
                if (next.kind() == Kind.RCURLY) {
                    return object;
                }
                if (next.kind() != Kind.COMMA) {
                    fail("expected separator in dict");
                    return null;
                }
            }
        }

        private boolean pair(ObjectNode object) {
            if (tokens.peekFirst() == null) {
                fail("premature EOI");
                return false;
            }
            JsonNode key = value();
            if (key == null || !key.isTextual()) {
                fail("key is not a string in object");
                return false;
            }
            Token colon = tokens.pollFirst();
            if (colon == null) {
                fail("premature EOI");
                return false;
            }
            if (colon.kind() != Kind.COLON) {
                fail("missing : in object pair");
                return false;
            }
            JsonNode value = value();
            if (value == null) {
                fail("Missing value in dict");
                return false;
            }
            if (object.has(key.asText())) {
                fail("duplicate key");
                return false;
            }
            object.set(key.asText(), value);
            return true;
        }

        private JsonNode array() {
            tokens.pollFirst();
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            if (tokens.peekFirst() == null) {
                fail("premature EOI");
                return null;
            }
            if (tokens.peekFirst().kind() == Kind.RSQUARE) {
                tokens.pollFirst();
                return array;
            }
            while (true) {
                JsonNode element = value();
                if (element == null) {
                    fail("expecting value");
                    return null;
                }
                array.add(element);
                Token next = tokens.pollFirst();
                if (next == null) {
                    fail("premature EOI");
                    return null;
                }
                if (next.kind() == Kind.RSQUARE) {
                    return array;
                }
                if (next.kind() != Kind.COMMA) {
                    fail("expected separator in list");
                    return null;
                }
            }
        }

        private JsonNode keyword(Token token) {
            return switch (token.ascii()) {
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                case "null" -> JsonNodeFactory.instance.nullNode();
                default -> {
                    fail("invalid keyword '" + token.ascii() + "'");
                    yield null;
                }
            };
        }

        private static JsonNode number(Token token) {
            String text = token.ascii();
            if (token.kind() == Kind.INTEGER) {
                BigInteger value = new BigInteger(text);
                if (value.bitLength() < 64) {
                    return JsonNodeFactory.instance.numberNode(value.longValue());
                }
                if (value.signum() > 0 && value.bitLength() == 64) {
                    return JsonNodeFactory.instance.numberNode(value);
                }
            }
            return JsonNodeFactory.instance.numberNode(Double.parseDouble(text));
        }

        private JsonNode string(Token token) {
            byte[] text = token.text();
            StringBuilder out = new StringBuilder();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            int i = 1;
            while (i < text.length - 1) {
                int b = text[i] & 0xFF;
                if (b != '\\') {
                    plain.write(b);
                    i++;
                    continue;
                }
                if (!flush(plain, out)) {
                    return null;
                }
                int begin = i;
                int escape = text[i + 1] & 0xFF;
                i += 2;
                switch (escape) {
                    case '"', '\'', '\\', '/' -> out.append((char) escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int cp = hex(text, i);
                        i += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < text.length && text[i] == '\\' && text[i + 1] == 'u') {
                            int trailing = hex(text, i + 2);
                            cp = trailing >= 0xDC00 && trailing <= 0xDFFF ? 0x10000 + ((cp & 0x3FF) << 10) + (trailing & 0x3FF) : -1;
                            i += cp >= 0 ? 6 : 0;
                        }
                        if (cp < 0 || cp >= 0xD800 && cp <= 0xDFFF) {
                            fail(new String(text, begin, Math.min(i, text.length) - begin, StandardCharsets.ISO_8859_1) + " is not a valid Unicode character");
                            return null;
                        }
                        out.appendCodePoint(cp);
                    }
                    default -> {
                        fail("invalid escape sequence in string");
                        return null;
                    }
                }
            }
            return flush(plain, out) ? JsonNodeFactory.instance.textNode(out.toString()) : null;
        }

        private boolean flush(ByteArrayOutputStream plain, StringBuilder out) {
            try {
                out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain.toByteArray())));
                plain.reset();
                return true;
            } catch (CharacterCodingException e) {
                fail("invalid UTF-8 sequence in string");
                return false;
            }
        }

        private static int hex(byte[] text, int from) {
            int cp = 0;
            for (int i = from; i < from + 4; i++) {
                int digit = i < text.length ? Character.digit(text[i], 16) : -1;
                if (digit < 0) {
                    return -1;
                }
                cp = cp << 4 | digit;
            }
            return cp;
        }
    }
}
