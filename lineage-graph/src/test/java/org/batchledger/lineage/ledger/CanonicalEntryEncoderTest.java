package org.batchledger.lineage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.batchledger.schema.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The direct encoder of ledger entries equals the general JSON-B + RFC 8785 path byte for byte. */
class CanonicalEntryEncoderTest {
    private static final String ALPHABET = "aZ09 -_:/.\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f"
            + "\u00e9\u00df\u20ac\u2028\u2029\ufeff\uffff\u4e2d\ud83d\ude00";

    @Test
    void directEncodingEqualsJsonBindingThenRfc8785ForRandomEntries() {
        Random random = new Random(8785);
        for (int i = 0; i < 5_000; i++) {
            LedgerEntry entry = randomEntry(random);
            assertThat(new String(CanonicalEntryEncoder.encode(entry), StandardCharsets.UTF_8))
                    .as("entry %d", i).isEqualTo(new String(reference(entry), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theEntryHashIsTheSha256OfTheCanonicalBytes() {
        LedgerEntry entry = new LedgerEntry(42, Instant.parse("2026-03-02T07:00:00Z"), "CREATE", "Lot", "plant:L-1",
                "ab".repeat(32), null, "sub", "Olivia Operator", List.of("operator"), "hub-cli", "batch record",
                "commit-1", LedgerEntry.GENESIS_HASH);
        assertThat(entry.canonicalBytes()).isEqualTo(reference(entry));
        assertThat(new String(entry.canonicalBytes(), StandardCharsets.UTF_8)).startsWith("{\"action\":\"CREATE\",")
                .endsWith("\"seq\":42}").doesNotContain("supersedesHash");
    }

    @Test
    void loneSurrogatesAreRefused() {
        LedgerEntry entry = new LedgerEntry(1, Instant.EPOCH, "CREATE", "Lot", "k\ud800", "h", null, "s", "n",
                List.of(), "c", "r", "i", "p");
        assertThatThrownBy(() -> CanonicalEntryEncoder.encode(entry)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] reference(LedgerEntry entry) {
        return CanonicalJson.canonicalize(CanonicalJson.toJson(entry));
    }

    private static LedgerEntry randomEntry(Random r) {
        List<String> roles = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            roles.add(text(r));
        }
        return new LedgerEntry(r.nextInt(3) == 0 ? r.nextLong(1L << 53) : r.nextInt(1000),
                Instant.ofEpochMilli(r.nextLong(4_000_000_000_000L)), text(r), text(r), text(r), text(r),
                r.nextBoolean() ? null : text(r), text(r), text(r), r.nextInt(5) == 0 ? null : roles, text(r),
                r.nextBoolean() ? null : text(r), text(r), text(r));
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int at = r.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
