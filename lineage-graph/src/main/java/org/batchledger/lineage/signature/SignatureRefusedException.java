package org.batchledger.lineage.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.lineage.write.RefusalRule;

/**
 * A signature refused: names the record, the rule and, for re-authentication, the window and the authentication
 * time the token carried. Nothing was written.
 */
public final class SignatureRefusedException extends RuntimeException {
    private final String record;
    private final RefusalRule rule;
    private final transient Map<String, Object> details;

    SignatureRefusedException(String record, RefusalRule rule) {
        this(record, rule, Map.of());
    }

    SignatureRefusedException(String record, RefusalRule rule, Map<String, Object> details) {
        super("signature on " + record + " refused: " + rule);
        this.record = record;
        this.rule = rule;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static SignatureRefusedException reauthentication(String record, Duration window, Instant authTime) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("window", window.toString());
        details.put("windowSeconds", window.toSeconds());
        details.put("authTime", authTime == null ? null : authTime.toString());
        return new SignatureRefusedException(record, SigningRule.REAUTHENTICATION, details);
    }

    /** {@code Label:key} of the record to be signed. */
    public String record() {
        return record;
    }

    public RefusalRule rule() {
        return rule;
    }

    /** Rule-specific facts for the caller (re-authentication: window, windowSeconds, authTime). */
    public Map<String, Object> details() {
        return details;
    }
}
