package org.batchledger.lineage.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.SourceFile;
import org.batchledger.schema.record.TestResult;

/**
 * A generated file of {@code n} lots of one material, a batch per lot consuming it and a test result per lot, in
 * chunks as a chunked ingest writes them: nodes first (the SourceFile and material in the first), relationships
 * after, so every genealogy end exists when its relationship is written.
 */
record BigFile(String sha, int n, String material, String prefix) {
    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    BigFile(String sha, int n) {
        this(sha, n, "big:M", "big");
    }

    String sourceFileKey() {
        return "sha256:" + sha;
    }

    FileIngestRequest.Header header(boolean strict) {
        return new FileIngestRequest.Header(sourceFileKey(), "big.xml", SmallPlant.OPERATOR, "ingest big.xml", strict);
    }

    /** Every record but the SourceFile, in the order the chunks carry them. */
    List<LedgerRecord> records(boolean withMaterial) {
        List<LedgerRecord> all = new ArrayList<>();
        if (withMaterial) {
            all.add(new Material(material, "m", Material.MaterialKind.RAW_MATERIAL, "kg", at("/M")));
        }
        for (int i = 0; i < n; i++) {
            all.add(new Lot(prefix + ":LOT-" + i, material, Lot.LotStatus.IN_STOCK, 1.0, "kg", null, null, null,
                    at("/Lot[" + i + "]")));
            all.add(new Batch(prefix + ":B-" + i, null, null, Batch.BatchStatus.COMPLETED, null, T, T, at("/Batch[" + i + "]")));
            all.add(new TestResult(prefix + ":TR-" + i, new RecordRef(RecordType.LOT, prefix + ":LOT-" + i), null, "assay", null,
                    "99.1", "%", 98.0, 102.0, TestResult.TestOutcome.PASS, T, "ana", at("/TestResult[" + i + "]")));
        }
        for (int i = 0; i < n; i++) {
            all.add(new Consumption(prefix + ":C-" + i, prefix + ":LOT-" + i, prefix + ":B-" + i, 1.0, "kg", "s1", T,
                    at("/Consumption[" + i + "]")));
        }
        return all;
    }

    SourceFile sourceFile() {
        return new SourceFile(sourceFileKey(), "big.xml", null, 1, "test", new Provenance("ingest:test", null, "ingest", T, T));
    }

    /** The chunks of at most {@code size} records, the SourceFile first. */
    List<List<LedgerRecord>> chunks(int size, boolean withMaterial) {
        List<LedgerRecord> all = new ArrayList<>();
        all.add(sourceFile());
        all.addAll(records(withMaterial));
        List<List<LedgerRecord>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    /** A digest of the records, as a caller that streams them computes it (here: their count and the file). */
    String digest() {
        return sha + "/" + n;
    }

    private Provenance at(String locator) {
        return new Provenance("file:sha256:" + sha, locator, "ingest", T, T);
    }
}
