package org.batchledger.lineage.ledger.verify;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allow-list of labels that are not records: the ledger's own storage and schema bookkeeping. Their nodes are
 * no entry's and carry no relationships; any other label that is no {@code RecordType} is a finding. Edit here when
 * the storage changes.
 */
enum InfrastructureLabel {
    LEDGER_HEAD("LedgerHead"),
    LEDGER_COMMIT("LedgerCommit"),
    CHECKPOINT("Checkpoint"),
    /** The lock hubs sharing one database take to sign checkpoints one at a time (checkpoint.CheckpointStore). */
    CHECKPOINT_SIGNING("CheckpointSigning"),
    SCHEMA_MIGRATION("SchemaMigration"),
    LEDGER_TILE("LedgerTile"),
    LEDGER_BUNDLE("LedgerBundle"),
    /** The work list of references waiting for their target (write.PendingReferences): an index, not evidence. */
    PENDING_REFERENCE("PendingReference");

    private final String label;

    InfrastructureLabel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Set<String> labels() {
        return Arrays.stream(values()).map(InfrastructureLabel::label).collect(Collectors.toSet());
    }
}
