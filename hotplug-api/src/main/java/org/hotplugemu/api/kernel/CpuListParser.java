package org.hotplugemu.api.kernel;

import java.util.BitSet;

/** The kernel's {@code bitmap_parselist} (lib/bitmap-str.c), one region at a time; see {@link CpuList#parse}. */
final class CpuListParser {
    private final String text;
    private final int nbits;
    private int pos;

    CpuListParser(String text, int nbits) {
        this.text = text;
        this.nbits = nbits;
    }

    BitSet parse() {
        BitSet set = new BitSet();
        boolean last = false;
        while (!last) {
            while (pos < text.length() && (isSpace(at()) || at() == ',')) {
                pos++;
            }
            if (pos >= text.length()) {
                break;
            }
            last = region(set);
        }
        return set;
    }

    /**
     * {@code bitmap_parse_region}, {@code bitmap_check_region} and {@code bitmap_set_region};
     * returns true where the kernel stops: a region without a group that ends the string or line.
     */
    private boolean region(BitSet set) {
        long start;
        long end;
        long used;
        long group;
        if (text.regionMatches(true, pos, "all", 0, 3)) {
            pos += 3;
            start = 0;
            end = nbits - 1L;
        }
        else {
            start = number();
            end = start;
            if (!endOfRegion()) {
                expect('-');
                end = number();
            }
        }
        boolean last = false;
        if (endOfRegion()) {
            used = end + 1;
            group = end + 1;
            last = endOfString();
        }
        else {
            expect(':');
            used = number();
            expect('/');
            group = number();
        }
        if (start > end || group == 0 || used > group) {
            throw invalid();
        }
        if (end >= nbits) {
            throw new HotplugException(Errno.ERANGE, "cpulist '" + shown() + "' names CPU " + end + ", beyond the last one, " + (nbits - 1));
        }
        for (long first = start; first <= end; first += group) {
            set.set((int) first, (int) Math.min(end + 1, first + used));
        }
        return last;
    }

    /** {@code bitmap_getnum}: {@code N} for the last bit, else unsigned decimal digits. */
    private long number() {
        if (pos < text.length() && at() == 'N') {
            pos++;
            return nbits - 1L;
        }
        int begin = pos;
        long value = 0;
        boolean overflow = false;
        while (pos < text.length() && at() >= '0' && at() <= '9') {
            value = value * 10 + (at() - '0');
            overflow |= value > 0xFFFF_FFFFL;
            pos++;
        }
        if (pos == begin) {
            throw invalid();
        }
        if (overflow) {
            throw new HotplugException(Errno.EOVERFLOW, "cpulist '" + shown() + "' has a number beyond 32 bits");
        }
        return value;
    }

    private void expect(char c) {
        if (pos >= text.length() || at() != c) {
            throw invalid();
        }
        pos++;
    }

    private char at() {
        return text.charAt(pos);
    }

    private boolean endOfString() {
        return pos >= text.length() || at() == '\n';
    }

    private boolean endOfRegion() {
        return endOfString() || isSpace(at()) || at() == ',';
    }

    /** C's {@code isspace}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private String shown() {
        return text.strip();
    }

    private HotplugException invalid() {
        return new HotplugException(Errno.EINVAL, "'" + shown() + "' is not a cpulist such as 0-3,5");
    }
}
