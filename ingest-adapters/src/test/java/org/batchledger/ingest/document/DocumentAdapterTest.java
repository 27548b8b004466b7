package org.batchledger.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("REQ-INGEST-030")
class DocumentAdapterTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final DocumentAdapter adapter = new DocumentAdapter();
    @TempDir
    Path dir;

    @Test
    void aCertificateOfAnalysisIsADocumentAboutTheLotItsTextNames() throws IOException {
        Sink sink = parse(TestDocuments.pdf("Certificate of Analysis   Lot No.: CRB-2026-0117   Assay 99.2 %"), null);

        Document d = (Document) sink.records.getFirst();
        assertThat(d.mediaType()).isEqualTo("application/pdf");
        assertThat(d.about()).isEqualTo(new RecordRef(RecordType.LOT, "site:CRB-2026-0117"));
        assertThat(d.contentSha256()).isEqualTo("ab".repeat(32));
        assertThat(d.provenance().source()).isEqualTo("file:sha256:" + "ab".repeat(32));
        assertThat(d.key()).isEqualTo("site:DOC-" + "ab".repeat(32));
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void whatTheUploadNamesWinsOverTheText() throws IOException {
        Sink sink = parse(TestDocuments.pdf("Lot No.: CRB-2026-0117"), "Batch:B-7");

        assertThat(((Document) sink.records.getFirst()).about()).isEqualTo(new RecordRef(RecordType.BATCH, "site:B-7"));
    }

    @Test
    void aWordLogIsReadAsAnOfficeDocumentAboutTheBatchItNames() throws IOException {
        Sink sink = parse(TestDocuments.docx("Cleaning log for Batch number: B-2026-0042, room 3"), null);

        Document d = (Document) sink.records.getFirst();
        assertThat(d.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(sink.mediaType).as("the file's type, as detected, for its SourceFile").isEqualTo(d.mediaType());
        assertThat(d.documentType()).isEqualTo("OFFICE");
        assertThat(d.about()).isEqualTo(new RecordRef(RecordType.BATCH, "site:B-2026-0042"));
    }

    @Test
    void anImageIsKeptAsItIsUnlinkedWithAWarning() throws IOException {
        Sink sink = parse(TestDocuments.png(), null);

        Document d = (Document) sink.records.getFirst();
        assertThat(d.mediaType()).isEqualTo("image/png");
        assertThat(sink.mediaType).isEqualTo("image/png");
        assertThat(d.about()).isNull();
        assertThat(sink.warnings).extracting(IngestFinding::rule).containsExactly("DOCUMENT-ABOUT");
    }

    @Test
    void aDocxBombIsRefusedAsSuch() {
        assertThatThrownBy(() -> parse(TestDocuments.docxBomb(40), null))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems()).extracting(IngestFinding::rule)
                        .containsExactly("DOCUMENT-BOMB"));
    }

    @Test
    void recognisesDocumentsByContentButLeavesXmlAndTextToTheirAdapters() {
        assertThat(adapter.recognises(new ContentSample(TestDocuments.pdf("x")))).isPositive();
        assertThat(adapter.recognises(new ContentSample(TestDocuments.png()))).isPositive();
        assertThat(adapter.recognises(new ContentSample("<?xml version=\"1.0\"?><a/>".getBytes()))).isZero();
        assertThat(adapter.recognises(new ContentSample("id,value\n1,2\n".getBytes()))).isZero();
        assertThat(adapter.recognises(new ContentSample(new byte[0]))).isZero();
    }

    private Sink parse(byte[] bytes, String about) throws IOException {
        Path file = Files.write(dir.resolve("doc"), bytes);
        String sha = "ab".repeat(32);
        Sink sink = new Sink();
        adapter.parse(new IngestSource(file, "coa.pdf", bytes.length, sha),
                new IngestContext("file:sha256:" + sha, "site", "ingest-adapter", NOW, null, false, about), sink);
        return sink;
    }

    private static final class Sink implements RecordSink {
        final List<LedgerRecord> records = new ArrayList<>();
        final List<IngestFinding> warnings = new ArrayList<>();
        String mediaType;

        @Override
        public void mediaType(String detected) {
            mediaType = detected;
        }

        @Override
        public void record(LedgerRecord record) {
            records.add(record);
        }

        @Override
        public void warning(IngestFinding warning) {
            warnings.add(warning);
        }
    }
}
