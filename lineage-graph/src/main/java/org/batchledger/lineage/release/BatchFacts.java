package org.batchledger.lineage.release;

import java.util.List;
import java.util.Map;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;

/**
 * Everything the readiness checks and the exception classes read about one batch, as the graph stood at one tree
 * size. Built by {@link ReleaseFacts} from the database, or by hand in tests.
 *
 * @param trace    the upstream genealogy trace from the batch (it may be cut by its limits)
 * @param upstream the lots and batches the trace reached (not the batch itself), by reference
 */
record BatchFacts(Batch batch, List<Lot> outputs, List<Consumption> consumptions, TraceResult trace,
                  Map<RecordRef, Upstream> upstream, List<TestResult> tests, List<Deviation> deviations,
                  List<Use> equipment, List<StepRecord> steps, List<SignatureFact> signatures,
                  List<Version> versions, Long latestCheckpoint, boolean onHold) {

    /** A lot or batch upstream: its status and material (the lot's material, the batch's product) by name. */
    record Upstream(RecordRef ref, String status, String material, java.time.Instant expiresAt) {
    }

    /** One use of equipment by the batch, with the cleanings and calibrations of that equipment. */
    record Use(EquipmentUse use, Equipment equipment, List<Cleaning> cleanings, List<Calibration> calibrations) {
    }

    /**
     * A signature on the batch or one of its step records: withdrawn or not, and whether it signs the version of
     * that record valid now ({@code onCurrentVersion}: its signed content hash is the record's current one).
     */
    record SignatureFact(Signature signature, long seq, boolean withdrawn, boolean onCurrentVersion) {
        boolean stands() {
            return !withdrawn && onCurrentVersion;
        }
    }

    /**
     * One stored version of one of the batch's records: what the node holds ({@code storedHash}), the hash of its
     * content recomputed from its properties, and the ledger entry its {@code ledgerSeq} names (null if missing).
     */
    record Version(RecordRef ref, long version, long seq, String storedHash, String computedHash, LedgerEntry entry) {
        boolean correction() {
            return version > 1;
        }
    }
}
