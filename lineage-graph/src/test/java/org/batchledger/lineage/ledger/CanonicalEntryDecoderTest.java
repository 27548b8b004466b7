package org.batchledger.lineage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The strict decoder is the encoder's inverse: every entry round-trips, and only canonical bytes decode. */
@Tag("REQ-LEDGER-005")
class CanonicalEntryDecoderTest {
    private static final String ALPHABET = "aZ09 -_:/.\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f"
            + "\u00e9\u00df\u20ac\u2028\u2029\ufeff\uffff\u4e2d\ud83d\ude00";

    @Test
    void everyRandomEntryDecodesToItselfFromItsCanonicalBytes() {
        Random random = new Random(6962);
        for (int i = 0; i < 20_000; i++) {
            LedgerEntry entry = randomEntry(random);
            byte[] bytes = entry.canonicalBytes();

            assertThat(CanonicalEntryDecoder.decode(bytes, entry.seq())).isEqualTo(entry);
        }
    }

    @Test
    void anEntryInsideABufferDecodesFromItsOffset() {
        LedgerEntry entry = randomEntry(new Random(1));
        byte[] bytes = entry.canonicalBytes();
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);

        assertThat(CanonicalEntryDecoder.decode(padded, 3, bytes.length, entry.seq())).isEqualTo(entry);
    }

    @Test
    void nonCanonicalFormsOfAValidEntryAreRefusedNamingTheSeq() {
        String canonical = new String(sample().canonicalBytes(), StandardCharsets.UTF_8);
        List<String> variants = List.of(
                canonical.replace(",", ", "),
                canonical.replace("{\"action\":\"CREATE\",", "{").replace("}", ",\"action\":\"CREATE\"}"),
                canonical.replace("\"seq\":42", "\"seq\":042"),
                canonical.replace("\"seq\":42", "\"seq\":42.0"),
                canonical.replace("MAT-1", "MAT\\u002d1"),
                canonical.replace("}", ",\"extra\":\"x\"}"),
                canonical.replace("\"action\":\"CREATE\"", "\"action\":\"CREATE\",\"action\":\"CREATE\""),
                canonical.replace("\"at\":\"2026-03-02T07:00:00.000Z\"", "\"at\":\"2026-03-02T07:00:00Z\""),
                canonical + " ",
                canonical.substring(0, canonical.length() - 1));
        for (String variant : variants) {
            assertThatThrownBy(() -> CanonicalEntryDecoder.decode(variant.getBytes(StandardCharsets.UTF_8), 42))
                    .as(variant).isInstanceOf(EntryDecodeException.class).hasMessageContaining("ledger entry 42")
                    .extracting(e -> ((EntryDecodeException) e).seq()).isEqualTo(42L);
        }
    }

    @Test
    void anEntryStoredAtAnotherPlaceThanItsSeqIsRefused() {
        assertThatThrownBy(() -> CanonicalEntryDecoder.decode(sample().canonicalBytes(), 43))
                .isInstanceOf(EntryDecodeException.class).hasMessageContaining("names sequence number 42");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = sample().canonicalBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        bytes[text.indexOf("MAT-1") + 3] = (byte) 0xC3;

        assertThatThrownBy(() -> CanonicalEntryDecoder.decode(bytes, 42)).isInstanceOf(EntryDecodeException.class);
    }

    private static LedgerEntry sample() {
        return new LedgerEntry(42, Instant.parse("2026-03-02T07:00:00Z"), "CREATE", "Material", "t:MAT-1",
                "ab".repeat(32), null, "sub", "Olivia", List.of("operator"), "cli", "load", "key-1", "00".repeat(32), 1L);
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
