package org.batchledger.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.mime.MediaType;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;

/**
 * A document file → one {@link Document}: detected media type, SHA-256 of the file, its title (metadata, else the
 * file name), and what it is about (the upload's {@code about}, else a lot or batch its text names; none is a
 * warning). Recognised by Tika's detected type, at a low score, so a structured format's own adapter wins.
 */
public final class DocumentAdapter implements IngestAdapter {
    static final String NAME = "document";
    private static final int SCORE = 10;

    @Override
    public String name() {
        return NAME;
    }

    // only until the parse reports the type Tika detected in the file
    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public int recognises(ContentSample sample) {
        byte[] head = sample.bytes();
        return head.length > 0 && DocumentSniffer.isDocument(DocumentSniffer.detect(head)) ? SCORE : 0;
    }

    @Override
    public void parse(IngestSource source, IngestContext context, RecordSink sink) throws IOException {
        ExtractedDocument doc;
        try (InputStream in = source.open()) {
            doc = DocumentText.read(in, source.fileName());
        }
        if (doc.truncated()) {
            sink.warning(new IngestFinding(source.fileName(), "text", "DOCUMENT-TEXT-LIMIT", "only the first "
                    + DocumentText.TEXT_LIMIT + " characters of text were searched for a lot or batch"));
        }
        RecordRef about = about(context, doc, source, sink);
        String title = doc.title() == null || doc.title().isBlank() ? source.fileName() : doc.title().strip();
        Provenance provenance = new Provenance(context.sourceId(), "/", context.recordedBy(), context.recordedAt(),
                context.recordedAt());
        String mediaType = MediaType.parse(doc.mediaType()).getBaseType().toString();
        sink.mediaType(mediaType);
        sink.record(new Document(context.key("DOC-" + source.sha256()), title, kind(doc.mediaType()), mediaType,
                source.sha256(), about, provenance));
    }

    private static RecordRef about(IngestContext context, ExtractedDocument doc, IngestSource source, RecordSink sink) {
        if (context.about() != null && !context.about().isBlank()) {
            Identifiers.Named named = Identifiers.parse(context.about());
            return new RecordRef(named.type(), context.key(named.id()));
        }
        return Identifiers.find(doc.text()).map(n -> new RecordRef(n.type(), context.key(n.id()))).orElseGet(() -> {
            sink.warning(new IngestFinding(source.fileName(), "about", "DOCUMENT-ABOUT",
                    "names no lot or batch (none given with the upload, none found in its text): kept unlinked"));
            return null;
        });
    }

    private static String kind(String mediaType) {
        if (mediaType.startsWith("image/")) {
            return "IMAGE";
        }
        return mediaType.startsWith("application/pdf") ? "PDF" : "OFFICE";
    }
}
