package org.batchledger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.batchledger.schema.record.LedgerRecord;

/**
 * A seeded, bounded mutation fuzzer in plain JUnit (Jazzer's JUnit integration resolves, but fuzzes only with
 * {@code JAZZER_FUZZ=1}, one test per JVM: no short bounded run inside {@code mvn verify}). Inputs are the real
 * samples mutated byte- and token-wise; the only acceptable outcomes are records with provenance and locator, or
 * an {@link InvalidSourceException} naming at least one problem, each within a few seconds. A failing input is
 * written to {@code target/fuzz-failures/} and its hex is in the assertion message.
 */
public final class MutationFuzzer {
    private static final String[] TOKENS = {"\"", ",", ";", "\t", "\n", "\r\n", "{", "}", "[", "]", ":", "<", ">",
            "/>", "</", "&", "&amp;", "\uFEFF", "NaN", "-0", "1e99999", "null", "true", "\"value\"", "\"unit\"",
            "<Series>", "</SeriesSet>", "<!DOCTYPE x>", "\u00e9", "\\u0000", "2026-02-30T25:61:00Z", "<LOQ"};
    private final IngestAdapter adapter;
    private final List<byte[]> corpus;
    private final Random random;

    public MutationFuzzer(IngestAdapter adapter, List<Path> seeds, long seed) {
        this.adapter = adapter;
        this.corpus = seeds.stream().map(MutationFuzzer::read).toList();
        this.random = new Random(seed);
    }

    /** Runs up to {@code iterations} inputs or until {@code budgetMillis} is spent; returns how many ran. */
    public int run(int iterations, long budgetMillis) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + adapter.name());
            t.setDaemon(true);
            return t;
        });
        long deadline = System.currentTimeMillis() + budgetMillis;
        int ran = 0;
        try {
            for (; ran < iterations && System.currentTimeMillis() < deadline; ran++) {
                byte[] input = mutate(corpus.get(random.nextInt(corpus.size())));
                check(one, input);
            }
        } finally {
            one.shutdownNow();
        }
        return ran;
    }

    private void check(ExecutorService one, byte[] input) {
        Future<LabFixtures.Collected> f = one.submit(() -> LabFixtures.parse(adapter, input, null));
        try {
            LabFixtures.Collected out = f.get(10, TimeUnit.SECONDS);
            for (LedgerRecord r : out.records()) {
                if (r.provenance() == null || r.provenance().locator() == null || r.provenance().locator().isBlank()) {
                    throw new AssertionError("a record without provenance or locator for " + describe(input));
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidSourceException invalid) {
                if (invalid.problems().isEmpty()) {
                    throw new AssertionError("a refusal naming no problem for " + describe(input));
                }
                return;
            }
            throw new AssertionError("unexpected " + e.getCause() + " for " + describe(input), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within 10 s for " + describe(input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    byte[] mutate(byte[] base) {
        byte[] b = base.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = switch (random.nextInt(6)) {
                case 0 -> flip(b);
                case 1 -> insert(b, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 2 -> delete(b);
                case 3 -> duplicate(b);
                case 4 -> insert(b, new byte[] {(byte) random.nextInt(256)});
                default -> truncate(b);
            };
        }
        return b;
    }

    private byte[] flip(byte[] b) {
        if (b.length > 0) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private byte[] insert(byte[] b, byte[] what) {
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private byte[] delete(byte[] b) {
        if (b.length < 2) {
            return b;
        }
        int from = random.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + random.nextInt(16));
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, from + len, out, from, b.length - from - len);
        return out;
    }

    private byte[] duplicate(byte[] b) {
        if (b.length < 2) {
            return b;
        }
        int from = random.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + random.nextInt(64));
        byte[] part = new byte[len];
        System.arraycopy(b, from, part, 0, len);
        return insert(b, part);
    }

    private byte[] truncate(byte[] b) {
        return b.length == 0 ? b : java.util.Arrays.copyOf(b, random.nextInt(b.length));
    }

    private String describe(byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path file = Files.createTempFile(dir, adapter.name() + "-", ".bin");
            Files.write(file, input);
            return file + " (" + (input.length > 512 ? input.length + " bytes" : HexFormat.of().formatHex(input)) + ")";
        } catch (IOException e) {
            return input.length + " bytes";
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> documents(String format) {
        try (var files = Files.list(Path.of("src/test/resources/test-documents", format))) {
            return new ArrayList<>(files.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
