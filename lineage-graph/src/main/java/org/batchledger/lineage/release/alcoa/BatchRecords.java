package org.batchledger.lineage.release.alcoa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.release.ProductSpecification;

/**
 * Every record of one batch at one tree size, and what the rules need beside them: the ledger entries of their
 * versions, the cleanings and calibrations of the equipment used, the checkpoint that covers most, and results that
 * name the batch's samples but are not linked.
 *
 * @param items            the batch, its step records, test results on it and on its output lots, its deviations,
 *                         consumptions, productions and equipment uses, the signatures on them and their withdrawals
 * @param checkpointSize   the largest signed checkpoint's tree size, 0 when none
 * @param lotsWithMaterial consumed lots (by key) and whether they lead to their material
 * @param rawData          where the originals of ingested files are kept
 */
record BatchRecords(Item batch, List<Item> items, long treeSize, long checkpointSize,
                    Map<Long, LedgerEntry> entries, Map<String, List<Cleaning>> cleanings,
                    Map<String, List<Calibration>> calibrations, Map<String, Boolean> lotsWithMaterial,
                    List<Item> unlinkedResults, Optional<ProductSpecification> specification,
                    Set<String> outputLots, RawDataStore rawData) {

    Batch batchRecord() {
        return (Batch) batch.record();
    }

    /** Items decoded into a record of the given type. */
    <T> List<T> records(Class<T> type) {
        return items.stream().map(Item::record).filter(type::isInstance).map(type::cast).toList();
    }

    /** Items whose decoded record is of the given type, with the record. */
    <T> List<Typed<T>> typed(Class<T> type) {
        return items.stream().filter(i -> type.isInstance(i.record()))
                .map(i -> new Typed<>(i, type.cast(i.record()))).toList();
    }

    record Typed<T>(Item item, T record) {
    }
}
