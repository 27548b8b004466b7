package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.AVAILABLE;

import java.util.List;
import java.util.Objects;
import org.batchledger.lineage.ledger.LedgerEntry;

/** Available: the raw data behind a value and the ledger entry behind a record can be retrieved. */
final class AvailableRules {
    private AvailableRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-AV-001", AVAILABLE, "Raw data retrievable",
                        "The original file a record was ingested from is kept and can be downloaded. Not evaluated "
                                + "where no file store is configured.", AvailableRules::rawData),
                RuleDefinition.of("ALCOA-AV-002", AVAILABLE, "Ledger entry retrievable",
                        "The ledger entry that wrote each version of the record can be read back, and names that "
                                + "record and its content hash.", AvailableRules::entries));
    }

    private static void rawData(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        if (records.rawData() == RawDataStore.UNKNOWN) {
            return;
        }
        records.items().stream().filter(i -> i.fileKey() != null && OriginalRules.SHA256_KEY.matcher(i.fileKey())
                .matches()).forEach(i -> {
                    String sha = i.fileKey().substring("sha256:".length());
                    sink.expect(i, records.rawData().holds(sha), () -> "came from file " + sha
                            + ", whose original is not in the file store", Evidence.file(sha));
                });
    }

    private static void entries(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        for (Item item : records.items()) {
            for (Item.Version v : item.history()) {
                LedgerEntry e = records.entries().get(v.seq());
                boolean ok = e != null && item.ref().key().equals(e.entityKey())
                        && item.ref().type().graphName().equals(e.entityType())
                        && Objects.equals(v.contentHash(), e.contentHash());
                sink.expect(item, ok, () -> e == null ? "version " + v.version() + " names ledger entry " + v.seq()
                        + ", which cannot be read from the ledger" : "version " + v.version() + " names ledger entry "
                        + v.seq() + ", which records " + e.entityType() + " " + e.entityKey() + " with another hash");
            }
        }
    }
}
