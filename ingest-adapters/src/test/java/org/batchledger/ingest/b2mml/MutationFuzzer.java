package org.batchledger.ingest.b2mml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.LedgerRecord;

/**
 * Test support: a seeded, bounded mutation fuzzer over a corpus of real and fixture files. Each input must either
 * yield records (each with a provenance) or be refused with {@link InvalidSourceException}; any other throwable is a
 * finding, written to {@code target/fuzz-findings/} with the seed and iteration that reproduce it.
 * {@code -Dfuzz.iterations} and {@code -Dfuzz.seed} run it longer or elsewhere.
 */
public final class MutationFuzzer {
    private static final String[] TOKENS = {"<", ">", "&", "&amp;", "&x;", "]]>", "<![CDATA[", "<!--", "-->",
        "<!DOCTYPE a [<!ENTITY x \"y\">]>", "xsi:nil=\"true\"", "\u00e9", "\uFEFF", "\u0000", "</ID>", "<ID>",
        "<Quantity><QuantityString>1e999</QuantityString></Quantity>", "<MaterialUse>Produced</MaterialUse>",
        "2026-13-45T99:00:00", "2026-01-01T00:00:00", "NaN", "-0", " ", "\n", "<Parameter><ID>Low</ID></Parameter>",
        "xmlns=\"http://www.mesa.org/xml/B2MML\"", "xmlns=\"http://www.wbf.org/xml/B2MML-V0401\"", "<Any/>",
        "<x:y xmlns:x=\"urn:v\">z</x:y>", "<SegmentResponse>", "</SegmentResponse>", "<Name/>"};

    private final IngestAdapter adapter;
    private final List<byte[]> corpus;

    public MutationFuzzer(IngestAdapter adapter, List<Path> corpus) throws IOException {
        this.adapter = adapter;
        this.corpus = new ArrayList<>();
        for (Path p : corpus) {
            this.corpus.add(Files.readAllBytes(p));
        }
    }

    public static List<Path> xmlFiles(Path... dirs) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    /** Runs the iterations; returns how many inputs were refused (the rest gave records). */
    public int run(long seed, int iterations) throws IOException {
        Path tmp = Files.createTempFile("fuzz", ".xml");
        int refused = 0;
        try {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < iterations; i++) {
                byte[] input = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
                Files.write(tmp, input);
                try {
                    parse(tmp, input.length);
                } catch (InvalidSourceException expected) {
                    refused++;
                } catch (Throwable t) {
                    Path out = Path.of("target", "fuzz-findings", adapter.name() + "-" + seed + "-" + i + ".xml");
                    Files.createDirectories(out.getParent());
                    Files.write(out, input);
                    throw new AssertionError(adapter.name() + ": seed " + seed + ", iteration " + i + " threw "
                            + t + " (input kept in " + out + ")", t);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return refused;
    }

    private void parse(Path file, long size) throws IOException {
        IngestContext ctx = IngestRun.context(false);
        adapter.parse(new IngestSource(file, "fuzz.xml", size, "0"), ctx, new RecordSink() {
            @Override
            public void record(LedgerRecord record) {
                if (record.key() == null || record.provenance() == null || record.provenance().locator() == null) {
                    throw new IllegalStateException("record without key or locator: " + record);
                }
            }

            @Override
            public void warning(IngestFinding warning) {
                // warnings are allowed in any number
            }
        });
    }

    static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] b = seed;
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            b = once(b, rnd);
        }
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom rnd) {
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
        switch (rnd.nextInt(6)) {
            case 0 -> { // flip a byte
                if (b.length > 0) {
                    b = b.clone();
                    b[at] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            case 1 -> { // delete a range
                int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
                return splice(b, at, len, new byte[0]);
            }
            case 2 -> { // duplicate a range
                int len = Math.min(b.length - at, 1 + rnd.nextInt(256));
                byte[] copy = new byte[len];
                System.arraycopy(b, at, copy, 0, len);
                return splice(b, at, 0, copy);
            }
            case 3 -> { // truncate
                return splice(b, at, b.length - at, new byte[0]);
            }
            default -> { // insert a token that XML or the mapping cares about
                return splice(b, at, 0, TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
