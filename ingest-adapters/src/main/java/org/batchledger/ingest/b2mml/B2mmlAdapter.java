package org.batchledger.ingest.b2mml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import javax.xml.namespace.QName;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;

/**
 * ISA-95 B2MML V0401, V0600 and V0700: production/operations performance and schedules, material definitions, lots
 * and sub-lots, bare or in the Sync/Process/Show/Change/Respond wrappers. Streams with StAX; see the module README for
 * the mapping of elements to records.
 */
public final class B2mmlAdapter implements IngestAdapter {
    public static final String NAME = "b2mml";
    static final Set<String> NOUNS = nouns();

    @Override
    public String name() {
        return NAME;
    }

    // B2MML has no registered media type of its own
    @Override
    public String mediaType() {
        return "application/xml";
    }

    /** 10 for a message read here; 1 for another B2MML message, so the refusal names it rather than no adapter. */
    @Override
    public int recognises(ContentSample sample) {
        QName root = sample.xmlRoot();
        if (root == null || !B2mmlVersion.isAnyRelease(root.getNamespaceURI())) {
            return 0;
        }
        String noun = B2mmlMessage.noun(root.getLocalPart());
        if (NOUNS.contains(noun)) {
            return 10;
        }
        return noun.equals("BatchProductionRecord") ? 0 : 1;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        Findings findings = new Findings(sink);
        B2mmlMessage message = new B2mmlMessage(context, findings);
        MaterialReader materials = new MaterialReader(sink);
        PerformanceReader performance = new PerformanceReader(sink);
        ScheduleReader schedules = new ScheduleReader(sink);
        try (InputStream in = new BufferedInputStream(source.open(), 64 * 1024)) {
            message.walk(in, NOUNS, (c, m) -> materials.read(c, m) || performance.read(c, m) || schedules.read(c, m));
        } catch (InvalidSourceException fatal) {
            throw findings.with(fatal);
        }
        findings.finish();
    }

    private static Set<String> nouns() {
        Set<String> all = new HashSet<>(MaterialReader.NOUNS);
        all.addAll(PerformanceReader.NOUNS);
        all.addAll(ScheduleReader.NOUNS);
        return Set.copyOf(all);
    }
}
