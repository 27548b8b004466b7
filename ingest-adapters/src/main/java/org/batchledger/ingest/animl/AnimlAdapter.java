package org.batchledger.ingest.animl;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.ingest.SafeXml;

/**
 * AnIML core 0.90 ({@code animl}): series and parameters of samples and of experiment-step results as test
 * results with method, device and author, read with StAX in one pass; a structure the schema forbids is refused
 * with its XPath.
 */
public final class AnimlAdapter implements IngestAdapter {
    static final String NAME = "animl";

    @Override
    public String name() {
        return NAME;
    }

    // AnIML has no registered media type of its own
    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public int recognises(ContentSample sample) {
        QName root = sample.xmlRoot();
        return root != null && root.getLocalPart().equals("AnIML")
                && AnimlStructure.NAMESPACE.equals(root.getNamespaceURI()) ? 90 : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        try (InputStream in = source.open()) {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(in);
            try {
                new AnimlReader(r, context, sink).run();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw notXml(e);
        }
    }

    static InvalidSourceException notXml(XMLStreamException e) {
        String where = e.getLocation() == null ? null
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean doctype = message.contains("DOCTYPE") || message.contains("DTD");
        return new InvalidSourceException(new IngestFinding(where, null, doctype ? "XML-DOCTYPE" : "XML-WELL-FORMED",
                doctype ? "a DOCTYPE (DTD, entities) is not accepted" : "not well-formed XML: "
                        + message.lines().reduce((a, b) -> b).orElse(message)));
    }
}
