package org.batchledger.lineage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.batchledger.schema.json.CanonicalJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The direct encoder of ledger entries equals the general JSON-B + RFC 8785 path byte for byte, both from an entry
 * and from the stored properties verification reads (through one reused encoder).
 */
@Tag("REQ-LEDGER-005")
@Tag("REQ-RECORD-004")
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
    void storedEntriesEncodeToTheBytesOfTheEntryTheyHoldThroughOneReusedBuffer() {
        Random random = new Random(9162);
        CanonicalEntryEncoder encoder = new CanonicalEntryEncoder();
        for (int i = 0; i < 5_000; i++) {
            LedgerEntry entry = randomEntry(random);
            Map<String, Object> stored = StoredEntries.properties(entry, "ignored");
            int length = encoder.encodeStored(stored);
            assertThat(new String(Arrays.copyOf(encoder.buffer(), length), StandardCharsets.UTF_8)).as("entry %d", i)
                    .isEqualTo(new String(StoredEntries.entry(stored).canonicalBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(reference(entry), StandardCharsets.UTF_8));
        }
    }

    @Test
    void storedFieldsOfOtherTypesEncodeAsTheEntryRebuiltFromThem() {
        Map<String, Object> stored = new HashMap<>(StoredEntries.properties(new LedgerEntry(7,
                Instant.parse("2026-03-02T07:00:00Z"), "CREATE", "Lot", "plant:L-1", "ab".repeat(32), null, "sub",
                "Olivia", List.of("operator"), "hub-cli", "why", "commit-1", LedgerEntry.GENESIS_HASH, 1L), "h"));
        stored.put("seq", 7.0);
        stored.put("reason", 42L);
        stored.put("actorRoles", List.of("operator", 3L));
        stored.put("at", "2026-03-02T07:00:00.000Z");
        CanonicalEntryEncoder encoder = new CanonicalEntryEncoder();

        int length = encoder.encodeStored(stored);

        assertThat(Arrays.copyOf(encoder.buffer(), length)).isEqualTo(StoredEntries.entry(stored).canonicalBytes());
    }

    @Test
    void storedFieldsThatDoNotFormAnEntryAreRefusedAsTheRebuildRefusesThem() {
        CanonicalEntryEncoder encoder = new CanonicalEntryEncoder();
        Map<String, Object> good = StoredEntries.properties(new LedgerEntry(7, Instant.EPOCH, "CREATE", "Lot", "k",
                "h", null, "s", "n", List.of(), "c", "r", "i", "p", 1L), "h");
        List<Map.Entry<String, Object>> brokenFields = List.of(Map.entry("seq", "7"), Map.entry("at", 5L),
                Map.entry("at", "2026-02-30T07:00:00.000Z"), Map.entry("actorRoles", "operator"),
                Map.entry("seq", -1L), Map.entry("entityKey", "k\ud800"));
        for (Map.Entry<String, Object> broken : brokenFields) {
            Map<String, Object> stored = new HashMap<>(good);
            stored.put(broken.getKey(), broken.getValue());
            Class<? extends Throwable> expected = thrown(() -> StoredEntries.entry(stored).canonicalBytes());
            assertThat(expected).as("%s", broken).isNotNull();
            assertThatThrownBy(() -> encoder.encodeStored(stored)).as("%s", broken).isInstanceOf(expected);
        }
        Map<String, Object> noTime = new HashMap<>(good);
        noTime.remove("at");
        assertThatThrownBy(() -> encoder.encodeStored(noTime))
                .isInstanceOf(thrown(() -> StoredEntries.entry(noTime).canonicalBytes()));
    }

    @Test
    void storedInstantTextIsUsedAsItIsExactlyWhenParsingAndFormattingGiveItBack() {
        Random random = new Random(3339);
        String digitsAndMore = "0123456789-T:.Z+ ";
        for (int i = 0; i < 200_000; i++) {
            char[] text = CanonicalJson.formatInstant(Instant.ofEpochMilli(random.nextLong(253_402_300_800_000L)))
                    .toCharArray();
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                text[random.nextInt(text.length)] = digitsAndMore.charAt(random.nextInt(digitsAndMore.length()));
            }
            String stored = random.nextInt(50) == 0 ? new String(text, 0, random.nextInt(text.length))
                    : new String(text);
            String roundTrip;
            try {
                roundTrip = CanonicalJson.formatInstant(CanonicalJson.parseInstant(stored));
            } catch (DateTimeParseException e) {
                assertThat(StoredInstant.isCanonical(stored)).as(stored).isFalse();
                assertThatThrownBy(() -> StoredInstant.canonical(stored)).as(stored)
                        .isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(StoredInstant.canonical(stored)).as(stored).isEqualTo(roundTrip);
            assertThat(StoredInstant.isCanonical(stored)).as(stored).isEqualTo(stored.equals(roundTrip));
        }
    }

    @Test
    void theEntryHashIsTheSha256OfTheCanonicalBytes() {
        LedgerEntry entry = new LedgerEntry(42, Instant.parse("2026-03-02T07:00:00Z"), "CREATE", "Lot", "plant:L-1",
                "ab".repeat(32), null, "sub", "Olivia Operator", List.of("operator"), "hub-cli", "batch record",
                "commit-1", LedgerEntry.GENESIS_HASH, 1L);
        assertThat(entry.canonicalBytes()).isEqualTo(reference(entry));
        assertThat(new String(entry.canonicalBytes(), StandardCharsets.UTF_8)).startsWith("{\"action\":\"CREATE\",")
                .endsWith("\"seq\":42,\"version\":1}").doesNotContain("supersedesHash");
    }

    @Test
    void loneSurrogatesAreRefused() {
        LedgerEntry entry = new LedgerEntry(1, Instant.EPOCH, "CREATE", "Lot", "k\ud800", "h", null, "s", "n",
                List.of(), "c", "r", "i", "p", 1L);
        assertThatThrownBy(() -> CanonicalEntryEncoder.encode(entry)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Class<? extends Throwable> thrown(Runnable run) {
        try {
            run.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
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
                r.nextBoolean() ? null : text(r), text(r), text(r), r.nextBoolean() ? null : r.nextLong(1L << 53));
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
