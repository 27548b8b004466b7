package org.batchledger.hub.evidence;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.batchledger.hub.evidence.report.AuditRow;
import org.batchledger.hub.evidence.report.EvidenceReport;
import org.batchledger.hub.evidence.report.EvidenceReportRenderer;
import org.batchledger.hub.evidence.report.GenealogySummary;
import org.batchledger.hub.evidence.report.ReportCheckpoint;
import org.batchledger.hub.evidence.report.ReportRecord;
import org.batchledger.hub.evidence.report.SignatureManifestation;
import org.batchledger.hub.evidence.report.SourceFileLine;
import org.batchledger.lineage.evidence.PackageReport;
import org.batchledger.verifier.proof.Sha256;

/**
 * The package's PDF/A-3 report, read from the package's own files (docs/evidence-package.md) rather than from the
 * graph: the report shows what the inspector verifies, nothing else. Each record appears at its newest version in
 * the package with every audit row behind it; signatures and their withdrawals appear on the record they sign.
 */
final class PdfPackageReport implements PackageReport {
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Records shown as signature manifestations on the records they concern, not as records of their own. */
    private static final List<String> SHOWN_ELSEWHERE = List.of("Signature", "SignatureWithdrawal");

    private final EvidenceReportRenderer renderer = new EvidenceReportRenderer();
    private final String verifierJar;

    PdfPackageReport(String verifierJar) {
        this.verifierJar = verifierJar;
    }

    @Override
    public byte[] render(byte[] stageOneManifest, SortedMap<String, byte[]> files) {
        JsonObject manifest = read(stageOneManifest);
        JsonObject log = manifest.getJsonObject("log");
        List<JsonObject> audit = objects(read(files.get("audit.json")).getJsonArray("rows"));
        Map<Long, JsonObject> auditBySeq = new HashMap<>();
        Map<String, List<JsonObject>> auditByRecord = new LinkedHashMap<>();
        for (JsonObject row : audit) {
            auditBySeq.put(row.getJsonNumber("seq").longValue(), row);
            auditByRecord.computeIfAbsent(row.getString("record"), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<SignatureManifestation>> signaturesByRecord = signatures(files, auditBySeq, auditByRecord);

        List<ReportRecord> records = new ArrayList<>();
        auditByRecord.forEach((id, rows) -> {
            String type = id.substring(0, id.indexOf(':'));
            if (SHOWN_ELSEWHERE.contains(type)) {
                return;
            }
            rows.sort(Comparator.comparingLong(r -> r.getJsonNumber("seq").longValue()));
            JsonObject newest = rows.getLast();
            long seq = newest.getJsonNumber("seq").longValue();
            byte[] bytes = files.get("records/" + seq + ".json");
            int version = newest.getInt("version", 1);
            records.add(new ReportRecord(type, id.substring(id.indexOf(':') + 1), version, seq, Sha256.hex(bytes),
                    fields(read(bytes)), signaturesByRecord.getOrDefault(id, List.of()), auditRows(rows),
                    version > 1));
        });

        return renderer.render(new EvidenceReport(EvidenceReport.Scope.valueOf(manifest.getString("scope")),
                manifest.getString("subject"), null, log.getString("origin"),
                checkpoint(manifest.getJsonObject("asOf"), files), checkpoint(manifest.getJsonObject("latest"), files),
                Instant.parse(manifest.getString("generatedAt")), generatedBy(manifest.getJsonObject("generatedBy")),
                "java -jar " + verifierJar + " --vkey '" + log.getString("verifierKey") + "' package.zip",
                records, genealogy(read(files.get("genealogy.json")), manifest.getJsonObject("recall")), sources(files), stageOneManifest,
                "manifest.json"));
    }

    private static Map<String, List<SignatureManifestation>> signatures(SortedMap<String, byte[]> files,
            Map<Long, JsonObject> auditBySeq, Map<String, List<JsonObject>> auditByRecord) {
        Map<String, SignatureManifestation.Withdrawal> withdrawals = new HashMap<>();
        for (JsonObject row : auditByRecord.values().stream().flatMap(List::stream).toList()) {
            if (row.getString("record").startsWith("SignatureWithdrawal:")) {
                JsonObject w = read(files.get("records/" + row.getJsonNumber("seq").longValue() + ".json"));
                withdrawals.put("Signature:" + w.getString("signatureKey"), new SignatureManifestation.Withdrawal(
                        Instant.parse(w.getString("withdrawnAt")), w.getString("printedName", w.getString(
                        "withdrawnBy", "")), w.getString("reason", null)));
            }
        }
        Map<String, List<SignatureManifestation>> byRecord = new HashMap<>();
        for (JsonObject s : objects(read(files.get("signatures.json")).getJsonArray("signatures"))) {
            long signedSeq = s.getJsonNumber("signedSeq").longValue();
            JsonObject signedRow = auditBySeq.get(signedSeq);
            byRecord.computeIfAbsent(s.getString("signs"), k -> new ArrayList<>()).add(new SignatureManifestation(
                    s.getString("printedName"), s.getString("signerSubject", null),
                    Instant.parse(s.getString("signedAt")), s.getString("meaning"), s.getString("reason", null),
                    signedRow == null ? 1 : signedRow.getInt("version", 1), signedSeq,
                    s.getString("signedContentHash"), withdrawals.get(s.getString("id"))));
        }
        return byRecord;
    }

    private static List<ReportRecord.Field> fields(JsonObject record) {
        List<ReportRecord.Field> fields = new ArrayList<>();
        record.forEach((name, value) -> fields.add(new ReportRecord.Field(name, text(value))));
        return fields;
    }

    private static List<AuditRow> auditRows(List<JsonObject> rows) {
        List<AuditRow> out = new ArrayList<>();
        for (JsonObject r : rows) {
            long seq = r.getJsonNumber("seq").longValue();
            Instant at = Instant.parse(r.getString("at"));
            String who = r.getString("actorName", "") + " (" + r.getString("actorSubject", "") + ")";
            String reason = r.isNull("reason") ? null : r.getString("reason", null);
            List<JsonObject> changes = r.containsKey("changes") ? objects(r.getJsonArray("changes")) : List.of();
            if (changes.isEmpty()) {
                out.add(new AuditRow(seq, at, who, r.getString("action"), null, null, null, reason));
            }
            for (JsonObject c : changes) {
                out.add(new AuditRow(seq, at, who, r.getString("action"), c.getString("field"), text(c.get("old")),
                        text(c.get("new")), reason));
            }
        }
        return out;
    }

    private static GenealogySummary genealogy(JsonObject g, JsonObject recall) {
        boolean downstream = "DOWNSTREAM".equals(g.getString("direction", "UPSTREAM"));
        Map<String, String> reachedBy = new HashMap<>();
        for (JsonObject e : objects(g.getJsonArray("edges"))) {
            // the edge that reached a node: into it walking downstream, out of it walking upstream
            reachedBy.putIfAbsent(e.getString(downstream ? "to" : "from"), e.getString("relationship"));
        }
        List<GenealogySummary.Line> lines = new ArrayList<>();
        for (JsonObject n : objects(g.getJsonArray("nodes"))) {
            int hop = n.getInt("hop");
            if (hop > 0) {
                String id = n.getString("id");
                lines.add(new GenealogySummary.Line(id.substring(0, id.indexOf(':')),
                        id.substring(id.indexOf(':') + 1), reachedBy.getOrDefault(id, ""), hop));
            }
        }
        List<GenealogySummary.Affected> affected = new ArrayList<>();
        if (recall != null) {
            for (JsonObject a : objects(recall.getJsonArray("affected"))) {
                affected.add(new GenealogySummary.Affected(a.getString("id"), a.getInt("hop"),
                        a.isNull("status") ? null : a.getString("status"), a.getBoolean("finishedProduct")));
            }
        }
        return new GenealogySummary(g.getJsonArray("nodes").size(), g.getJsonArray("edges").size(), lines,
                recall != null, affected);
    }

    private static List<SourceFileLine> sources(SortedMap<String, byte[]> files) {
        byte[] index = files.get("sources/index.json");
        if (index == null) {
            return List.of();
        }
        return objects(read(index).getJsonArray("files")).stream().map(f -> new SourceFileLine(
                f.getString("fileName", f.getString("sha256")), f.getString("sha256"), f.getString("mediaType", null),
                f.getJsonNumber("sizeBytes").longValue(), f.getBoolean("included", false))).toList();
    }

    private static ReportCheckpoint checkpoint(JsonObject c, SortedMap<String, byte[]> files) {
        return new ReportCheckpoint(c.getJsonNumber("treeSize").longValue(), c.getString("rootHash"),
                new String(files.get(c.getString("note")), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String generatedBy(JsonObject by) {
        String name = by.getString("name", "");
        return name.isBlank() ? by.getString("subject") : name + " (" + by.getString("subject") + ")";
    }

    private static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static List<JsonObject> objects(JsonArray a) {
        return a == null ? List.of() : new ArrayList<>(a.getValuesAs(JsonObject.class));
    }

    private static JsonObject read(byte[] json) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }
}
