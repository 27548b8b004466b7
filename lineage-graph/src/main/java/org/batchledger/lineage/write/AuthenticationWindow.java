package org.batchledger.lineage.write;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * 21 CFR 11.200 for every signed command (sign, workflow transitions, disposition): the signer authenticated within
 * {@code window} of the server's time. The authentication time comes from the identity provider's signed token,
 * never from the client; none, or one further in the future than clock skew allows, is no authentication. Each
 * feature refuses with its own typed error naming its rule.
 */
public record AuthenticationWindow(Duration window, Clock clock) {
    private static final Duration SKEW = Duration.ofSeconds(30);

    public AuthenticationWindow {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the re-authentication window must be positive: " + window);
        }
    }

    public boolean isRecent(Instant authTime) {
        Instant now = clock.instant();
        return authTime != null && !authTime.isAfter(now.plus(SKEW))
                && Duration.between(authTime, now).compareTo(window) <= 0;
    }
}
