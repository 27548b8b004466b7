package org.batchledger.hub.ledger;

import java.time.Duration;
import java.util.List;
import org.batchledger.lineage.ledger.checkpoint.Witnessing;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The witnesses the hub submits its checkpoints to ({@code batchledger.ledger.witnesses[i].url} and {@code .key},
 * the witness's cosignature verifier key as it prints it at start), how many of them ledger verification requires
 * ({@code batchledger.ledger.witnesses-required}, default 0) and how often a witness that missed a checkpoint is
 * tried again ({@code batchledger.ledger.witness-retry}, default 30s).
 */
@ConfigurationProperties("batchledger.ledger")
record WitnessProperties(List<Witness> witnesses, int witnessesRequired, Duration witnessRetry) {
    WitnessProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
        witnessRetry = witnessRetry == null ? Duration.ofSeconds(30) : witnessRetry;
        if (witnessesRequired < 0 || witnessesRequired > witnesses.size()) {
            throw new IllegalArgumentException("batchledger.ledger.witnesses-required is " + witnessesRequired
                    + " but " + witnesses.size() + " witnesses are configured");
        }
    }

    /** One witness: its submission prefix (the URL before {@code /add-checkpoint}) and its verifier key. */
    record Witness(String url, String key) {
    }

    List<Witnessing.Endpoint> endpoints() {
        return witnesses.stream().map(w -> Witnessing.Endpoint.of(w.url(), w.key())).toList();
    }
}
