package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.batchledger.lineage.write.AuthenticationWindow;

/** The re-authentication rule of {@code sign} ({@link AuthenticationWindow}), refused as {@code SIG-REAUTH}. */
record Reauthentication(AuthenticationWindow authentication) {
    Reauthentication(Duration window, Clock clock) {
        this(new AuthenticationWindow(window, clock));
    }

    Duration window() {
        return authentication.window();
    }

    void require(String record, Instant authTime) {
        if (!authentication.isRecent(authTime)) {
            throw SignatureRefusedException.reauthentication(record, authentication.window(), authTime);
        }
    }
}
