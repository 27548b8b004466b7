package org.batchledger.verifier.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code report-attachment}: the final manifest names the report and the SHA-256 of the stage-1 manifest the
 * report attaches; this finds, with JDK code only, an embedded-file stream ({@code /Type /EmbeddedFile}) in the PDF
 * whose content (raw, or FlateDecode inflated with {@link Inflater}) has that hash, and checks that the attached
 * manifest is the final one with the report slot null. It does not parse the PDF's object graph: that the catalog's
 * associated-files array and name tree point at that stream is checked by PDF tooling (the hub's tests, with
 * PDFBox and veraPDF). A candidate is only ever accepted by its hash, so a mis-cut stream can fail the check but
 * never pass it.
 */
final class ReportAttachment {
    static final String NAME = "report-attachment";
    private static final Pattern EMBEDDED = Pattern.compile("/Type\\s*/EmbeddedFile(?![A-Za-z0-9])");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d{1,10})(?!\\s+\\d+\\s+R)");
    private static final long MAX_INFLATED = 64L << 20;

    private ReportAttachment() {
    }

    static Check check(Bundle b) throws Json.JsonException {
        if (b.manifest.get("report") == null) {
            return Check.skip(NAME, "the package has no report");
        }
        Map<String, Object> slot = Fields.object(b.manifest, "report", EvidenceVerifier.MANIFEST);
        String where = EvidenceVerifier.MANIFEST + " report";
        String path = Fields.text(slot, "path", where);
        String want = Fields.text(slot, "attachedManifestSha256", where);
        byte[] pdf = b.pkg.get(path);
        if (pdf == null) {
            return Check.fail(NAME, path + " is missing");
        }
        List<byte[]> candidates = embeddedStreams(pdf);
        if (candidates.isEmpty()) {
            return Check.fail(NAME, path + " holds no embedded-file stream this verifier can read");
        }
        for (byte[] c : candidates) {
            if (Bundle.sha256(c).equals(want)) {
                Map<String, Object> attached = new LinkedHashMap<>(Json.object(c));
                Map<String, Object> fin = new LinkedHashMap<>(b.manifest);
                if (!attached.containsKey("report") || attached.get("report") != null) {
                    return Check.fail(NAME, "the manifest attached to " + path + " has a report slot that is not null");
                }
                attached.remove("report");
                fin.remove("report");
                return attached.equals(fin) ? Check.pass(NAME, path + " attaches the stage-1 manifest (sha256 "
                        + want + "), the final manifest but for its report slot")
                        : Check.fail(NAME, "the manifest attached to " + path + " (sha256 " + want
                        + ") differs from manifest.json in more than the report slot");
            }
        }
        return Check.fail(NAME, path + " has " + candidates.size() + " embedded-file stream(s), none with the SHA-256 "
                + want + " that " + where + " names as the attached manifest's");
    }

    /** The content of each embedded-file stream: as stored and, when it is FlateDecode, inflated. */
    static List<byte[]> embeddedStreams(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1); // one char per byte: offsets agree
        List<byte[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("stream(\r\n|\n|\r)").matcher(text);
        while (m.find()) {
            int streamKeyword = m.start();
            if (streamKeyword >= 3 && text.startsWith("end", streamKeyword - 3)) {
                continue;
            }
            int objStart = text.lastIndexOf(" obj", streamKeyword);
            if (objStart < 0 || streamKeyword - objStart > 8192) {
                continue;
            }
            String dict = text.substring(objStart, streamKeyword);
            if (!EMBEDDED.matcher(dict).find()) {
                continue;
            }
            int data = m.end();
            List<byte[]> raw = new ArrayList<>();
            Matcher len = LENGTH.matcher(dict);
            if (len.find()) {
                long n = Long.parseLong(len.group(1));
                if (data + n <= pdf.length) {
                    raw.add(java.util.Arrays.copyOfRange(pdf, data, (int) (data + n)));
                }
            }
            int end = text.indexOf("endstream", data);
            if (end > data) {
                int cut = end;
                if (cut > data && text.charAt(cut - 1) == '\n') {
                    cut--;
                }
                if (cut > data && text.charAt(cut - 1) == '\r') {
                    cut--;
                }
                raw.add(java.util.Arrays.copyOfRange(pdf, data, cut));
            }
            for (byte[] r : raw) {
                out.add(r);
                if (dict.contains("/FlateDecode")) {
                    byte[] inflated = inflate(r);
                    if (inflated != null) {
                        out.add(inflated);
                    }
                }
            }
        }
        return out;
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(deflated);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    return null;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }
}
