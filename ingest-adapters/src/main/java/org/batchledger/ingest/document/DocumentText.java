package org.batchledger.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.xml.sax.SAXException;

/**
 * Bounded text and metadata through the one {@link AutoDetectParser}. The parser wraps the handler in Tika's
 * {@code SecureContentHandler}, which stops a ZIP/DOCX bomb (output out of all proportion to input, or nesting
 * too deep) with "Suspected zip bomb"; that becomes rule {@code DOCUMENT-BOMB}. Images are not parsed: they are
 * kept as they are.
 */
final class DocumentText {
    /** Characters of text kept for finding identifiers; the original stays in the blob store. */
    static final int TEXT_LIMIT = 200_000;
    private static final AutoDetectParser PARSER = new AutoDetectParser();

    private DocumentText() {
    }

    static ExtractedDocument read(InputStream content, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        BodyContentHandler handler = new BodyContentHandler(TEXT_LIMIT);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            String type = PARSER.getDetector().detect(in, metadata).toString();
            if (type.startsWith("image/")) {
                return new ExtractedDocument(type, null, "", false);
            }
            try {
                PARSER.parse(in, handler, metadata, new ParseContext());
            } catch (SAXException e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw refused("DOCUMENT-UNREADABLE", "the document cannot be read", fileName);
                }
                truncated = true;
            }
            String detected = metadata.get(Metadata.CONTENT_TYPE);
            return new ExtractedDocument(detected == null ? type : detected, metadata.get(TikaCoreProperties.TITLE),
                    handler.toString(), truncated);
        } catch (EncryptedDocumentException e) {
            throw refused("DOCUMENT-ENCRYPTED", "the document is encrypted and cannot be read", fileName);
        } catch (TikaException e) {
            if (isBomb(e)) {
                throw refused("DOCUMENT-BOMB", "refused as a suspected ZIP/DOCX bomb (it would expand out of "
                        + "proportion to its size or nests too deep)", fileName);
            }
            throw refused("DOCUMENT-UNREADABLE", "the document cannot be read as its detected type", fileName);
        }
    }

    // Tika's guard says "Suspected zip bomb"; POI's own, under the OOXML parser, "Zip bomb detected"
    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static InvalidSourceException refused(String rule, String message, String fileName) {
        return new InvalidSourceException(new IngestFinding(fileName, "content", rule, message));
    }
}
