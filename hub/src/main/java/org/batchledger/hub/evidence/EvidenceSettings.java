package org.batchledger.hub.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code batchledger.evidence.*}: the largest original included in a package (larger ones are listed with their
 * hash, not included), the most ledger entries a package may hold, how long and how many built packages are kept,
 * and how many exports run at once (others wait {@code busy-wait}, then are refused as unavailable).
 */
@ConfigurationProperties("batchledger.evidence")
record EvidenceSettings(@DefaultValue("16777216") long maxOriginalBytes, @DefaultValue("50000") int maxEntries,
                        @DefaultValue("1h") Duration keep, @DefaultValue("20") int maxKept,
                        @DefaultValue("1") int concurrentExports, @DefaultValue("30s") Duration busyWait) {
}
