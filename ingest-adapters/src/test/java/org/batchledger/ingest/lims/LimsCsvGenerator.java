package org.batchledger.ingest.lims;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Test support for the ingest benchmark: a LIMS CSV in the default layout, of any length, written row by row
 * (nothing held in memory). Deterministic for a seed. Every 50 samples share a lot; about 1 row in 40 is out of
 * specification, 1 in 100 a {@code <LOQ}, 1 in 500 an instrument word ({@code Error}); quoted, comma-holding test
 * names occur. Keys are unique (one second per row).
 *
 * <p>{@code java … LimsCsvGenerator OUT.csv ROWS [SEED]} writes a file; {@link #write} writes to any writer.
 */
public final class LimsCsvGenerator {
    private static final String[] TESTS = {"Assay", "Water (KF)", "pH", "\"Impurity A, total\""};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT)
            .withZone(ZoneOffset.ofHours(1));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private LimsCsvGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        try (Writer w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            write(w, rows, seed);
        }
    }

    public static void write(Writer out, long rows, long seed) throws IOException {
        Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        Random random = new Random(seed);
        w.write(LimsCsvAdapterTest.HEADER);
        for (long i = 0; i < rows; i++) {
            row(w, i, random);
        }
        w.flush();
    }

    private static void row(Writer w, long i, Random random) throws IOException {
        long sample = i / TESTS.length;
        String test = TESTS[(int) (i % TESTS.length)];
        int dice = random.nextInt(1000);
        String value = dice < 2 ? "Error" : dice < 12 ? "<LOQ"
                : String.format(Locale.ROOT, "%.2f", dice < 37 ? 103.0 + random.nextDouble() : 98.5 + 3 * random.nextDouble());
        w.write("S-" + sample + ",LOT-" + (sample / 50) + ",," + test + ",M-1," + value + ",%,98.0,102.0,,"
                + TIME.format(START.plusSeconds(i)) + ",analyst" + (i % 7) + ",HPLC-" + (i % 3) + ",\n");
    }
}
