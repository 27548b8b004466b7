package org.batchledger.ingest.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tika's type detection on the content (magic bytes, never the name). Documents are what no structured adapter
 * reads: PDF, office formats (OOXML is a ZIP until the whole container is seen), images. XML, JSON and text are
 * left to the adapters of their formats.
 */
final class DocumentSniffer {
    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
    private static final Set<String> OFFICE = Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", "application/msword", "application/vnd.ms-excel", "application/rtf",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

    private DocumentSniffer() {
    }

    static MediaType detect(byte[] head) {
        try (var in = new ByteArrayInputStream(head)) {
            return DETECTOR.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a type is a document this adapter reads. */
    static boolean isDocument(MediaType type) {
        String base = type.getBaseType().toString();
        return base.equals("application/pdf") || type.getType().equals("image") || OFFICE.contains(base)
                || base.startsWith("application/vnd.openxmlformats-officedocument");
    }
}
