package org.batchledger.ingest.batchml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.xml.namespace.QName;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.ingest.b2mml.B2mmlMessage;
import org.batchledger.ingest.b2mml.B2mmlVersion;
import org.batchledger.ingest.b2mml.Findings;

/**
 * ISA-88 BatchML batch production records (V0401, V0700; V0600 is read the same way): the batch, its control recipe
 * hierarchy as step records, events, comments, samples, and the source's personnel identifications as signatures
 * captured in the source system. BatchML shares B2MML's namespaces, so the root element tells the two apart.
 */
public final class BatchMlAdapter implements IngestAdapter {
    public static final String NAME = "batchml";
    static final Set<String> NOUNS = Set.of("BatchProductionRecord");

    @Override
    public String name() {
        return NAME;
    }

    // BatchML has no registered media type of its own
    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public int recognises(ContentSample sample) {
        QName root = sample.xmlRoot();
        return root != null && B2mmlVersion.isAnyRelease(root.getNamespaceURI())
                && NOUNS.contains(B2mmlMessage.noun(root.getLocalPart())) ? 10 : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        Findings findings = new Findings(sink);
        B2mmlMessage message = new B2mmlMessage(context, findings);
        try (InputStream in = new BufferedInputStream(source.open(), 64 * 1024)) {
            message.walk(in, NOUNS, (c, m) -> {
                if (!c.name().equals("BatchProductionRecord")) {
                    return false;
                }
                new BatchRecordReader(sink, m).read(c);
                return true;
            });
        } catch (InvalidSourceException fatal) {
            throw findings.with(fatal);
        }
        findings.finish();
    }
}
