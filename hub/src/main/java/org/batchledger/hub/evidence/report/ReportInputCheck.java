package org.batchledger.hub.evidence.report;

import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

/** Checks the whole model before the renderer writes anything, so bad input never gives half a report. */
final class ReportInputCheck {
    private ReportInputCheck() {
    }

    static void check(EvidenceReport r) {
        if (r == null) {
            throw new ReportInputException("", "no report model");
        }
        present("/scope", r.scope());
        text("/subjectId", r.subjectId());
        text("/origin", r.origin());
        checkpoint("/asOf", r.asOf());
        checkpoint("/latest", r.latest());
        present("/generatedAt", r.generatedAt());
        text("/generatedBy", r.generatedBy());
        text("/verifierCommand", r.verifierCommand());
        text("/manifestFileName", r.manifestFileName());
        if (r.manifestJson() == null || r.manifestJson().length == 0) {
            throw new ReportInputException("/manifestJson", "the manifest to attach is empty");
        }
        each("/records", r.records(), ReportInputCheck::record);
        present("/genealogy", r.genealogy());
        each("/genealogy/upstream", r.genealogy().upstream(), (p, l) -> text(p + "/key", l.key()));
        each("/sources", r.sources(), (p, s) -> {
            text(p + "/fileName", s.fileName());
            hash(p + "/sha256Hex", s.sha256Hex());
        });
    }

    private static void checkpoint(String p, ReportCheckpoint c) {
        present(p, c);
        hash(p + "/rootHex", c.rootHex());
        text(p + "/noteText", c.noteText());
    }

    private static void record(String p, ReportRecord r) {
        text(p + "/type", r.type());
        text(p + "/key", r.key());
        if (r.version() < 1) {
            throw new ReportInputException(p + "/version", "a record version starts at 1, got " + r.version());
        }
        hash(p + "/contentHashHex", r.contentHashHex());
        each(p + "/fields", r.fields(), (q, f) -> text(q + "/name", f.name()));
        each(p + "/signatures", r.signatures(), ReportInputCheck::signature);
        each(p + "/audit", r.audit(), (q, a) -> {
            present(q + "/at", a.at());
            text(q + "/who", a.who());
            text(q + "/action", a.action());
        });
    }

    /** 21 CFR 11.50: a signature without its printed name, date and time or meaning cannot be shown. */
    private static void signature(String p, SignatureManifestation s) {
        text(p + "/printedName", s.printedName());
        present(p + "/signedAt", s.signedAt());
        text(p + "/meaning", s.meaning());
        hash(p + "/signedRecordHashHex", s.signedRecordHashHex());
        if (s.recordVersion() < 1) {
            throw new ReportInputException(p + "/recordVersion", "a record version starts at 1, got " + s.recordVersion());
        }
        if (s.withdrawal() != null) {
            present(p + "/withdrawal/at", s.withdrawal().at());
            text(p + "/withdrawal/by", s.withdrawal().by());
        }
    }

    private static <T> void each(String p, List<T> list, BiConsumer<String, T> check) {
        present(p, list);
        for (int i = 0; i < list.size(); i++) {
            present(p + "/" + i, list.get(i));
            check.accept(p + "/" + i, list.get(i));
        }
    }

    private static void present(String p, Object o) {
        if (o == null) {
            throw new ReportInputException(p, "missing");
        }
    }

    private static void text(String p, String s) {
        if (s == null || s.isBlank()) {
            throw new ReportInputException(p, "missing or blank");
        }
    }

    private static void hash(String p, String hex) {
        if (hex == null || hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)
                || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
            throw new ReportInputException(p, "a SHA-256 is 64 lower-case hex digits, got " + hex);
        }
    }
}
