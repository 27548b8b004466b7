package org.batchledger.lineage.release.alcoa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A remembered content hash is the hash of exactly the stored properties it was asked for: it never hides an edit. */
@Tag("REQ-RELEASE-021")
class StoredContentHashesTest {
    private static final Lot LOT = new Lot("LOT-4711", "MAT-LACTOSE", Lot.LotStatus.IN_STOCK, 250.0, "kg", "Meggle",
            "SUP-4711", Instant.parse("2027-03-31T00:00:00Z"), new Provenance("mes:line-3", "lots/LOT-4711", "op.jonas", Instant.parse("2026-11-02T08:01:00Z"), Instant.parse("2026-11-02T08:00:00Z")));

    @Test
    void theStoredPropertiesHashAsTheRecordDoes() {
        String expected = CanonicalJson.contentHash(LOT);
        assertThat(StoredContentHashes.of(RecordType.LOT, RecordProperties.of(LOT))).isEqualTo(expected);
        // asked again with an equal map (as the next read of the same version gives): the same answer
        assertThat(StoredContentHashes.of(RecordType.LOT, new HashMap<>(RecordProperties.of(LOT)))).isEqualTo(expected);
    }

    @Test
    void anEditInTheDatabaseAfterTheFirstAnswerIsStillCaught() {
        Map<String, Object> stored = RecordProperties.of(LOT);
        String sealed = StoredContentHashes.of(RecordType.LOT, stored);
        Map<String, Object> edited = new HashMap<>(stored);
        edited.put("quantity", 260.0);
        String afterEdit = StoredContentHashes.of(RecordType.LOT, edited);
        assertThat(afterEdit).isNotEqualTo(sealed)
                .isEqualTo(CanonicalJson.contentHash(RecordProperties.toRecord(edited, Lot.class)));
        // and the untouched version still answers its own hash
        assertThat(StoredContentHashes.of(RecordType.LOT, stored)).isEqualTo(sealed);
    }

    @Test
    void propertiesThatFormNoRecordHaveNoHash() {
        Map<String, Object> broken = new HashMap<>(RecordProperties.of(LOT));
        broken.put("status", "MELTED");
        assertThat(StoredContentHashes.of(RecordType.LOT, broken)).isNull();
        assertThat(StoredContentHashes.of(RecordType.LOT, broken)).isNull();
    }
}
