package org.batchledger.validation.requirements;

import java.util.List;
import java.util.Optional;

/** A row of the clause matrix: a regulatory clause, the features and requirements that serve it, the user's part. */
public record Clause(String clause, String topic, List<String> features, List<String> requirements,
        Optional<String> userProcedures, String file, int line) {
}
