package org.hotplugemu.distribution.shell;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One command line after quoting, comments and {@code $?} are resolved: the words and the redirection target. */
record ParsedLine(List<String> words, Optional<String> redirect) {
    ParsedLine {
        words = List.copyOf(words);
        requireNonNull(redirect, "redirect is null");
    }

    String command() {
        return words.get(0);
    }

    List<String> arguments() {
        return words.subList(1, words.size());
    }
}
