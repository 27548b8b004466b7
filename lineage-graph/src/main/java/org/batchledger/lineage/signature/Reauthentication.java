package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * 21 CFR 11.200: a signature needs an authentication within {@code window} of the server's time. The authentication
 * time comes from the identity provider's signed token, never from the client; none, or one further in the future
 * than clock skew allows, is no authentication.
 */
record Reauthentication(Duration window, Clock clock) {
    private static final Duration SKEW = Duration.ofSeconds(30);

    Reauthentication {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the re-authentication window must be positive: " + window);
        }
    }

    void require(String record, Instant authTime) {
        Instant now = clock.instant();
        if (authTime == null || authTime.isAfter(now.plus(SKEW))
                || Duration.between(authTime, now).compareTo(window) > 0) {
            throw SignatureRefusedException.reauthentication(record, window, authTime);
        }
    }
}
