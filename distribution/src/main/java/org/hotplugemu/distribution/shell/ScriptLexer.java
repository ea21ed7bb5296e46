package org.hotplugemu.distribution.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one line the way a POSIX shell does for the subset the emulator speaks: words separated by
 * blanks, single and double quotes, backslash escapes, {@code #} comments, {@code $?}, and one
 * {@code > PATH} (or {@code >> PATH}) redirection. Pipes, lists and other operators are rejected.
 */
final class ScriptLexer {
    private final String line;
    private final String lastStatus;
    private int position;

    private ScriptLexer(String line, int lastStatus) {
        this.line = line;
        this.lastStatus = Integer.toString(lastStatus);
    }

    /** Returns the parsed line, or empty for a blank or comment-only line. */
    static Optional<ParsedLine> parse(String line, int lastStatus) {
        return new ScriptLexer(line, lastStatus).parse();
    }

    private Optional<ParsedLine> parse() {
        List<String> words = new ArrayList<>();
        String redirect = null;
        while (true) {
            skipBlanks();
            if (position >= line.length() || line.charAt(position) == '#') {
                break;
            }
            char c = line.charAt(position);
            if (c == '>') {
                if (redirect != null) {
                    throw new ScriptSyntaxException("syntax error: only one redirection per command is supported");
                }
                position += line.startsWith(">>", position) ? 2 : 1;
                skipBlanks();
                if (position >= line.length() || isOperator(line.charAt(position)) || line.charAt(position) == '#') {
                    throw new ScriptSyntaxException("syntax error near unexpected token `"
                            + (position >= line.length() || line.charAt(position) == '#' ? "newline" : line.charAt(position)) + "'");
                }
                redirect = word();
            } else if (isOperator(c)) {
                throw new ScriptSyntaxException("syntax error: `" + c + "' is not supported (one command per line, no pipes)");
            } else {
                words.add(word());
            }
        }
        if (words.isEmpty()) {
            if (redirect != null) {
                throw new ScriptSyntaxException("syntax error: a redirection needs a command, e.g. echo 1 > " + redirect);
            }
            return Optional.empty();
        }
        return Optional.of(new ParsedLine(words, Optional.ofNullable(redirect)));
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        while (position < line.length()) {
            char c = line.charAt(position);
            if (isBlank(c) || c == '>' || isOperator(c)) {
                break;
            }
            position++;
            switch (c) {
                case '\'' -> singleQuoted(word);
                case '"' -> doubleQuoted(word);
                case '\\' -> word.append(escaped());
                case '$' -> dollar(word);
                default -> word.append(c);
            }
        }
        return word.toString();
    }

    private void singleQuoted(StringBuilder word) {
        int end = line.indexOf('\'', position);
        if (end < 0) {
            throw new ScriptSyntaxException("syntax error: unterminated quote '");
        }
        word.append(line, position, end);
        position = end + 1;
    }

    private void doubleQuoted(StringBuilder word) {
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c == '"') {
                return;
            }
            if (c == '\\' && position < line.length() && "\"\\$".indexOf(line.charAt(position)) >= 0) {
                word.append(line.charAt(position++));
            } else if (c == '$') {
                dollar(word);
            } else {
                word.append(c);
            }
        }
        throw new ScriptSyntaxException("syntax error: unterminated quote \"");
    }

    private char escaped() {
        if (position >= line.length()) {
            throw new ScriptSyntaxException("syntax error: a backslash at the end of a line (line continuation is not supported)");
        }
        return line.charAt(position++);
    }

    private void dollar(StringBuilder word) {
        if (position < line.length() && line.charAt(position) == '?') {
            position++;
            word.append(lastStatus);
        } else if (position < line.length() && (Character.isLetter(line.charAt(position)) || line.charAt(position) == '{')) {
            throw new ScriptSyntaxException("syntax error: variables are not supported, only $?");
        } else {
            word.append('$');
        }
    }

    private void skipBlanks() {
        while (position < line.length() && isBlank(line.charAt(position))) {
            position++;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isOperator(char c) {
        return c == '|' || c == ';' || c == '&' || c == '<' || c == '(' || c == ')' || c == '`';
    }
}
