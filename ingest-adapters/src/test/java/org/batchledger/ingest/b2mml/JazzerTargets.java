package org.batchledger.ingest.b2mml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.LedgerRecord;

/** Test support: the fuzz target shared by the Jazzer tests of the XML parsers. */
public final class JazzerTargets {
    private JazzerTargets() {
    }

    /** Parses the bytes; returns normally on records (each with a locator) or a refusal, throws on anything else. */
    public static void parseOrRefuse(IngestAdapter adapter, byte[] input) throws IOException {
        Path f = Files.createTempFile("jazzer", ".xml");
        try {
            Files.write(f, input);
            adapter.parse(new IngestSource(f, "fuzz.xml", input.length, "0"), IngestRun.context(false), new RecordSink() {
                @Override
                public void record(LedgerRecord record) {
                    if (record.provenance().locator() == null) {
                        throw new IllegalStateException("record without locator: " + record);
                    }
                }

                @Override
                public void warning(IngestFinding warning) {
                    // any number of warnings is fine
                }
            });
        } catch (InvalidSourceException refused) {
            // the one way a bad input may end
        } finally {
            Files.delete(f);
        }
    }
}
