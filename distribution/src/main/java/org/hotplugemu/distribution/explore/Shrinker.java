package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin): the smallest list of operations, found by removing ever
 * smaller chunks, that still fails the same way. Each test replays on a fresh machine, so the
 * result is 1-minimal: removing any single operation makes the failure go away.
 */
final class Shrinker {
    private Shrinker() {
    }

    static <T> List<T> minimise(List<T> failing, Predicate<List<T>> fails, int budget) {
        List<T> current = new ArrayList<>(failing);
        int chunks = 2;
        int tests = 0;
        while (current.size() >= 2 && tests < budget) {
            int size = (int) Math.ceil(current.size() / (double) chunks);
            boolean reduced = false;
            for (int start = 0; start < current.size() && tests < budget; start += size) {
                List<T> complement = new ArrayList<>(current.subList(0, start));
                complement.addAll(current.subList(Math.min(current.size(), start + size), current.size()));
                tests++;
                if (!complement.isEmpty() && fails.test(complement)) {
                    current = complement;
                    chunks = Math.max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunks >= current.size()) {
                    break;
                }
                chunks = Math.min(current.size(), chunks * 2);
            }
        }
        return current;
    }
}
