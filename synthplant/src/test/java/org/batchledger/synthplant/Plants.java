package org.batchledger.synthplant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.schema.record.LedgerRecord;

/** Generated plants for tests, kept once per (seed, size) since several tests read the same one. */
final class Plants {
    /** Mid-size: 500 orders on one line, so the first purified-water lot serves every order. */
    static final PlantSize MID = PlantSize.ofBatches(4_000);

    private static final Map<String, List<LedgerRecord>> CACHE = new HashMap<>();

    private Plants() {
    }

    static synchronized List<LedgerRecord> records(long seed, PlantSize size) {
        return CACHE.computeIfAbsent(seed + "/" + size, k -> SyntheticPlant.of(seed, size).records().toList());
    }

    static <T extends LedgerRecord> List<T> of(List<LedgerRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends LedgerRecord> Map<String, T> byKey(List<LedgerRecord> records, Class<T> type) {
        return of(records, type).stream().collect(Collectors.toMap(LedgerRecord::key, r -> r));
    }
}
