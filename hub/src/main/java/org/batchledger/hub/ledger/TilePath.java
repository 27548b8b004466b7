package org.batchledger.hub.ledger;

/**
 * A path under {@code /ledger/tile/} in the C2SP tlog-tiles layout: {@code <L>/<N>[.p/<W>]} for a hash tile,
 * {@code entries/<N>[.p/<W>]} for an entry bundle. {@code N} is written in groups of three digits, all but the last
 * prefixed with {@code x} ({@code x001/x234/067} is 1234067); {@code W} is a partial width, 1..255.
 *
 * @param level -1 for an entry bundle
 * @param width the partial width asked for, or 256 for a full tile
 */
record TilePath(int level, long index, int width) {
    static final int FULL = 256;
    static final int ENTRIES = -1;

    boolean partial() {
        return width < FULL;
    }

    /** Parses the part after {@code /ledger/tile/}; refuses anything else with a message naming the problem. */
    static TilePath parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 2) {
            throw new MalformedTilePathException(path, "expected <level>/<index> or entries/<index>");
        }
        int level = parts[0].equals("entries") ? ENTRIES : level(path, parts[0]);
        int width = FULL;
        int last = parts.length - 1;
        if (parts[last - 1].endsWith(".p")) {
            width = width(path, parts[last]);
            parts[last - 1] = parts[last - 1].substring(0, parts[last - 1].length() - 2);
            last--;
        }
        long index = 0;
        for (int i = 1; i <= last; i++) {
            String group = parts[i];
            boolean prefixed = i < last;
            if (group.length() != (prefixed ? 4 : 3) || prefixed && group.charAt(0) != 'x'
                    || !digits(group.substring(prefixed ? 1 : 0))) {
                throw new MalformedTilePathException(path, "index element '" + group + "' is not "
                        + (prefixed ? "x followed by " : "") + "three digits");
            }
            index = Math.multiplyExact(index, 1000) + Integer.parseInt(group.substring(prefixed ? 1 : 0));
        }
        return new TilePath(level, index, width);
    }

    private static int level(String path, String text) {
        if (!digits(text) || text.length() > 2 || text.length() > 1 && text.charAt(0) == '0'
                || Integer.parseInt(text) > 63) {
            throw new MalformedTilePathException(path, "level '" + text + "' is not 0..63 or 'entries'");
        }
        return Integer.parseInt(text);
    }

    private static int width(String path, String text) {
        if (!digits(text) || text.length() > 3 || text.charAt(0) == '0' || Integer.parseInt(text) >= FULL) {
            throw new MalformedTilePathException(path, "partial width '" + text + "' is not 1..255");
        }
        return Integer.parseInt(text);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
