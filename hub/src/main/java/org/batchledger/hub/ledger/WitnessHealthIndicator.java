package org.batchledger.hub.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.StoredCheckpoint;
import org.batchledger.lineage.ledger.checkpoint.Witnessing;
import org.batchledger.verifier.proof.Cosignature;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each witness (the largest checkpoint it cosigned, the last error) and whether the newest checkpoint carries the
 * required k of n cosignatures. Not part of readiness on purpose: a witness outage must not take the hub out of
 * service; the details show an operator which witness lags and why.
 */
@Component("ledgerWitnesses")
class WitnessHealthIndicator implements HealthIndicator {
    private final WitnessSubmissions submissions;
    private final WitnessProperties properties;
    private final Checkpoints checkpoints;

    WitnessHealthIndicator(WitnessSubmissions submissions, WitnessProperties properties, Checkpoints checkpoints) {
        this.submissions = submissions;
        this.properties = properties;
        this.checkpoints = checkpoints;
    }

    @Override
    public Health health() {
        Map<String, Object> witnesses = new LinkedHashMap<>();
        for (Witnessing.WitnessStatus status : submissions.witnessing().status()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("url", status.url().toString());
            detail.put("cosignedSize", status.cosignedSize());
            detail.put("lastError", status.lastError() == null ? "none" : status.lastError());
            witnesses.put(status.witness(), detail);
        }
        Health.Builder health = Health.up().withDetail("required", properties.witnessesRequired())
                .withDetail("witnesses", witnesses);
        if (!witnesses.isEmpty()) {
            try {
                checkpoints.newestStored().ifPresent(newest -> health.withDetail("newestCheckpoint",
                        newest.treeSize()).withDetail("quorum", quorum(newest).describe()));
            } catch (RuntimeException e) {
                health.withDetail("quorum", "unknown: " + e.getClass().getSimpleName());
            }
        }
        return health.build();
    }

    private Cosignature.Quorum quorum(StoredCheckpoint newest) {
        List<Cosignature.Witness> keys = submissions.witnessing().witnesses().stream()
                .map(Witnessing.Endpoint::key).toList();
        return Cosignature.quorum(newest.cosignedNote(), keys, properties.witnessesRequired());
    }
}
