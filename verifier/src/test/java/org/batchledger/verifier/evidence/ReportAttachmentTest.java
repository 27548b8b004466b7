package org.batchledger.verifier.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JDK-only reader of a report's embedded files finds a raw or FlateDecode embedded-file stream, ignores other
 * streams, and never returns a mis-cut stream as the attachment (the check accepts a candidate only by its hash).
 */
@Tag("REQ-EVIDENCE-043")
class ReportAttachmentTest {
    private static final byte[] MANIFEST = "{\"format\": \"x\", \"report\": null}\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] pdf(String dict, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n1 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("7 0 obj\n<< " + dict + " >>\nstream\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes("\r\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    @Test
    void aRawEmbeddedFileIsFoundByItsDirectLengthAndByItsEndstream() {
        byte[] pdf = pdf("/Type /EmbeddedFile /Subtype /application#2Fjson /Length " + MANIFEST.length, MANIFEST);
        List<byte[]> found = ReportAttachment.embeddedStreams(pdf);
        assertThat(found).isNotEmpty().allSatisfy(f -> assertThat(f).isEqualTo(MANIFEST));
    }

    @Test
    void aFlateDecodeEmbeddedFileIsInflatedAndAnIndirectLengthIsNotTrusted() {
        Deflater d = new Deflater();
        d.setInput(MANIFEST);
        d.finish();
        byte[] buf = new byte[1024];
        int n = d.deflate(buf);
        d.end();
        byte[] deflated = java.util.Arrays.copyOf(buf, n);
        byte[] pdf = pdf("/Type /EmbeddedFile /Filter /FlateDecode /Length 9 0 R", deflated);
        assertThat(ReportAttachment.embeddedStreams(pdf)).anySatisfy(f -> assertThat(f).isEqualTo(MANIFEST));
    }

    @Test
    void otherStreamsAndTheNameTreeAreNotEmbeddedFiles() {
        byte[] pdf = pdf("/Type /EmbeddedFiles /Length 3", "abc".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(ReportAttachment.embeddedStreams(pdf)).isEmpty();
    }
}
