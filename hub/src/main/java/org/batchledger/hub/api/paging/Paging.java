package org.batchledger.hub.api.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.lineage.store.PageRequest;

/** Relay arguments to a keyset page: {@code first} is 0..100, cursors are opaque (base64url of a key). */
public final class Paging {
    public static final int MAX_FIRST = 100;
    public static final int DEFAULT_FIRST = 20;

    private Paging() {
    }

    public static PageRequest of(Integer first, String after) {
        int n = first == null ? DEFAULT_FIRST : first;
        if (n < 0 || n > MAX_FIRST) {
            throw new BadRequestException("argument 'first' must be between 0 and " + MAX_FIRST + ", was " + n);
        }
        return new PageRequest(n, after == null ? null : decode(after));
    }

    public static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("argument 'after' is not a cursor this API issued: " + cursor);
        }
    }
}
