package org.batchledger.hub.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.lineage.ledger.checkpoint.Witnessing;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each witness: the largest checkpoint it cosigned and the last error. Not part of readiness on purpose: a witness
 * outage must not take the hub out of service; the details show an operator which witness lags and why.
 */
@Component("ledgerWitnesses")
class WitnessHealthIndicator implements HealthIndicator {
    private final WitnessSubmissions submissions;
    private final WitnessProperties properties;

    WitnessHealthIndicator(WitnessSubmissions submissions, WitnessProperties properties) {
        this.submissions = submissions;
        this.properties = properties;
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
        return Health.up().withDetail("required", properties.witnessesRequired()).withDetail("witnesses", witnesses)
                .build();
    }
}
