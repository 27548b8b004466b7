package org.batchledger.lineage.release;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.batchledger.verifier.proof.Sha256;

/**
 * One exception a reviewer must look at. Its {@code id} depends only on the batch, the class and the records
 * behind it, so it stays the same across evaluations and QA can disposition it by that id.
 */
public record ReviewException(String id, ExceptionClass exceptionClass, Severity severity, String reason,
                              List<Evidence> records, Instant raisedAt) {
    /** As the SDL's {@code FindingSeverity}: CRITICAL blocks release, MAJOR needs a QA decision. */
    public enum Severity { INFO, MINOR, MAJOR, CRITICAL }

    public ReviewException {
        records = List.copyOf(records);
    }

    static ReviewException of(String batchKey, ExceptionClass exceptionClass, Severity severity, String reason,
                              List<Evidence> records, Instant raisedAt) {
        String identity = batchKey + "|" + exceptionClass + "|" + records.stream()
                .map(e -> e.record().toString()).sorted().collect(Collectors.joining(","));
        String id = "RX-" + Sha256.hex(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        return new ReviewException(id, exceptionClass, severity, reason, records, raisedAt);
    }
}
