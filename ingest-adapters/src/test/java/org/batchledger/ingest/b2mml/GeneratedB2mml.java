package org.batchledger.ingest.b2mml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Test support and benchmark input: a large B2MML V0600 SyncOperationsPerformance written as a stream (memory flat in
 * the size asked for). Each response is a batch; each segment yields {@value #RECORDS_PER_SEGMENT} records (one
 * step record, one equipment use, two consumptions, one production), and every batch one more. A segment consumes
 * the lot the previous batch produced, so the genealogy is a chain, as in a real plant.
 *
 * <p>Run {@code java … GeneratedB2mml FILE RECORDS} to write a benchmark file.
 */
public final class GeneratedB2mml {
    public static final int RECORDS_PER_SEGMENT = 5;
    static final int SEGMENTS_PER_BATCH = 100;
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private GeneratedB2mml() {
    }

    /** How many records a file written for {@code atLeast} records holds (whole batches). */
    public static long recordsFor(long atLeast) {
        long batches = batchesFor(atLeast);
        return batches * (SEGMENTS_PER_BATCH * RECORDS_PER_SEGMENT + 1);
    }

    private static long batchesFor(long atLeast) {
        long perBatch = SEGMENTS_PER_BATCH * RECORDS_PER_SEGMENT + 1;
        return Math.max(1, (atLeast + perBatch - 1) / perBatch);
    }

    public static void write(Path file, long atLeastRecords) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, atLeastRecords);
        }
    }

    public static void write(OutputStream out, long atLeastRecords) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SyncOperationsPerformance xmlns=\""
                + B2mmlVersion.V0600.namespace() + "\">\n<ApplicationArea><CreationDateTime>" + START
                + "</CreationDateTime></ApplicationArea>\n<DataArea><Sync/><OperationsPerformance><ID>GEN</ID>\n");
        long batches = batchesFor(atLeastRecords);
        for (long b = 0; b < batches; b++) {
            batch(w, b);
        }
        w.write("</OperationsPerformance></DataArea></SyncOperationsPerformance>\n");
        w.flush();
    }

    private static void batch(Writer w, long b) throws IOException {
        Instant t0 = START.plus(b, ChronoUnit.HOURS);
        w.write("<OperationsResponse><ID>GB-" + b + "</ID><OperationsDefinitionID>MBR-GEN-v1</OperationsDefinitionID>"
                + "<StartTime>" + t0 + "</StartTime><EndTime>" + t0.plus(59, ChronoUnit.MINUTES) + "</EndTime>"
                + "<ResponseState>Completed</ResponseState>\n");
        for (int s = 0; s < SEGMENTS_PER_BATCH; s++) {
            Instant st = t0.plusSeconds(s * 30L);
            String in = b == 0 ? "RM-LOT-" + s : "GL-" + (b - 1) + "-" + s;
            w.write("<SegmentResponse><ID>S" + s + "</ID><ActualStartTime>" + st + "</ActualStartTime><ActualEndTime>"
                    + st.plusSeconds(29) + "</ActualEndTime>"
                    + "<SegmentData><ID>Temperature</ID><Value><ValueString>" + (20 + s % 7) + ".5</ValueString>"
                    + "<UnitOfMeasure>degC</UnitOfMeasure></Value></SegmentData>"
                    + "<PersonnelActual><PersonID>op" + (s % 12) + "</PersonID></PersonnelActual>"
                    + "<EquipmentActual><EquipmentID>EQ-" + (s % 40) + "</EquipmentID></EquipmentActual>"
                    + material(in, "Consumed", "12.5") + material("EXC-LOT-" + (b % 50), "Consumed", "0.75")
                    + material("GL-" + b + "-" + s, "Produced", "13.1") + "</SegmentResponse>\n");
        }
        w.write("</OperationsResponse>\n");
    }

    private static String material(String lot, String use, String kg) {
        return "<MaterialActual><MaterialDefinitionID>MAT-" + use.charAt(0) + "</MaterialDefinitionID><MaterialLotID>"
                + lot + "</MaterialLotID><MaterialUse>" + use + "</MaterialUse><Quantity><QuantityString>" + kg
                + "</QuantityString><UnitOfMeasure>kg</UnitOfMeasure></Quantity></MaterialActual>";
    }

    public static void main(String[] args) throws IOException {
        long n = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        write(Path.of(args[0]), n);
        System.out.println("wrote " + recordsFor(n) + " records to " + args[0]);
    }
}
