package org.batchledger.lineage.genealogy;

import java.util.Set;

/** Where an impacted finished-product lot or batch stands, as a recall coordinator sorts them. */
public enum RecallStatus {
    /** Released to market: the recall proper. */
    RELEASED,
    /** Made and stored, not released: block it. */
    IN_STOCK,
    /** Not finished (planned, running, under review, quarantined): stop it. */
    IN_PROCESS,
    /** Already rejected or consumed: record only. */
    CLOSED;

    static RecallStatus ofLot(String status) {
        return switch (status) {
            case "RELEASED" -> RELEASED;
            case "IN_STOCK" -> IN_STOCK;
            case "REJECTED", "CONSUMED" -> CLOSED;
            default -> IN_PROCESS;
        };
    }

    static RecallStatus ofBatch(String status) {
        return status.equals("RELEASED") ? RELEASED : CLOSED_BATCH.contains(status) ? CLOSED : IN_PROCESS;
    }

    private static final Set<String> CLOSED_BATCH = Set.of("REJECTED");
}
