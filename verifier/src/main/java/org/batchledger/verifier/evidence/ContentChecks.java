package org.batchledger.verifier.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The content against the entries: each record version hashes to its entry's contentHash, and every signature row,
 * audit row and source-file row says what its entry and record say. A row the package drops, or one moved to
 * another record or version, fails here even when the manifest was re-signed.
 */
final class ContentChecks {
    private static final String SIGNATURES = "signatures.json";
    private static final String AUDIT = "audit.json";
    private static final String SOURCES = "sources/index.json";
    /** The §11.50 manifestation and the §11.70 binding a signature row must show as its record holds them. */
    private static final List<String> SIGNATURE_FIELDS =
            List.of("signs", "signedContentHash", "signerSubject", "printedName", "meaning", "reason", "signedAt");
    private static final List<String> AUDIT_FIELDS =
            List.of("action", "at", "actorSubject", "actorName", "actorRoles", "actorClient", "reason", "version");

    private ContentChecks() {
    }

    static Check records(Bundle b) throws Json.JsonException {
        List<String> problems = new ArrayList<>();
        for (Bundle.Entry e : b.entries.values()) {
            byte[] bytes = b.pkg.get("records/" + e.seq() + ".json");
            if (bytes == null) {
                problems.add("entry " + e.seq() + " (" + e.id() + ") has no records/" + e.seq() + ".json");
                continue;
            }
            String hash = Bundle.sha256(bytes);
            if (!hash.equals(e.contentHash())) {
                problems.add("records/" + e.seq() + ".json hashes to " + hash + ", but entry " + e.seq()
                        + " committed contentHash " + e.contentHash());
                continue;
            }
            Map<String, Object> record = Json.object(bytes);
            if (!e.key().equals(record.get("key"))) {
                problems.add("records/" + e.seq() + ".json is the record " + record.get("key") + ", entry " + e.seq()
                        + " is about " + e.key());
            }
        }
        for (String path : b.pkg.files().keySet()) {
            Matcher m = Bundle.RECORD.matcher(path);
            if (path.startsWith("records/") && (!m.matches() || !b.entries.containsKey(Long.parseLong(m.group(1))))) {
                problems.add(path + " belongs to no entry of the package");
            }
        }
        return problems.isEmpty() ? Check.pass("records", b.entries.size()
                + " record versions hash to the contentHash their entries committed")
                : Check.fail("records", EvidenceVerifier.summary(problems));
    }

    static Check signatures(Bundle b) throws Json.JsonException {
        List<Map<String, Object>> rows = Fields.objects(b.json(SIGNATURES), "signatures", SIGNATURES);
        Map<Long, Map<String, Object>> bySeq = bySeq(rows, SIGNATURES);
        Map<String, Long> versions = new HashMap<>(); // "Label:key contentHash" → entry
        b.entries.values().forEach(e -> versions.put(e.id() + " " + e.contentHash(), e.seq()));
        List<String> problems = new ArrayList<>(duplicates(rows, bySeq, SIGNATURES));
        int count = 0;
        for (Bundle.Entry e : b.entries.values()) {
            if (!e.type().equals("Signature")) {
                continue;
            }
            count++;
            Map<String, Object> row = bySeq.remove(e.seq());
            Map<String, Object> record = b.record(e.seq());
            if (row == null) {
                problems.add("signature " + e.id() + " (entry " + e.seq() + ") has no row in " + SIGNATURES);
                continue;
            }
            if (record == null) {
                problems.add("signature " + e.id() + " has no record version in the package");
                continue;
            }
            String where = SIGNATURES + " row of entry " + e.seq();
            if (!e.id().equals(row.get("id"))) {
                problems.add(where + " names " + row.get("id") + ", the entry " + e.id());
            }
            for (String field : SIGNATURE_FIELDS) {
                if (!Fields.same(row.get(field), record.get(field))) {
                    problems.add(where + ": " + field + " is " + row.get(field) + ", the signed record says "
                            + record.get(field));
                }
            }
            Long signed = versions.get(record.get("signs") + " " + record.get("signedContentHash"));
            if (signed == null) {
                problems.add(e.id() + " signs " + record.get("signs") + " version " + record.get("signedContentHash")
                        + ", which no entry of the package committed");
            } else if (row.get("signedSeq") == null || Fields.number(row, "signedSeq", where) != signed) {
                problems.add(where + ": signedSeq is " + row.get("signedSeq") + ", the signed version's entry is "
                        + signed);
            }
        }
        bySeq.keySet().forEach(seq -> problems.add(SIGNATURES + " has a row for entry " + seq
                + ", which is no signature entry of the package"));
        return problems.isEmpty() ? Check.pass("signatures", count
                + " signatures show the manifestation and the record version their entries committed")
                : Check.fail("signatures", EvidenceVerifier.summary(problems));
    }

    static Check audit(Bundle b) throws Json.JsonException {
        List<Map<String, Object>> rows = Fields.objects(b.json(AUDIT), "rows", AUDIT);
        Map<Long, Map<String, Object>> bySeq = bySeq(rows, AUDIT);
        Map<String, Long> byHash = new HashMap<>();
        b.entries.values().forEach(e -> byHash.put(e.id() + " " + e.contentHash(), e.seq()));
        List<String> problems = new ArrayList<>(duplicates(rows, bySeq, AUDIT));
        for (Bundle.Entry e : b.entries.values()) {
            Map<String, Object> row = bySeq.remove(e.seq());
            if (row == null) {
                problems.add("entry " + e.seq() + " (" + e.json().get("action") + " " + e.id() + ") has no row in " + AUDIT);
                continue;
            }
            String where = AUDIT + " row of entry " + e.seq();
            if (!e.id().equals(row.get("record"))) {
                problems.add(where + " is about " + row.get("record") + ", the entry about " + e.id());
            }
            for (String field : AUDIT_FIELDS) {
                if (!Fields.same(row.get(field), e.json().get(field))) {
                    problems.add(where + ": " + field + " is " + row.get(field) + ", the entry says "
                            + e.json().get(field));
                }
            }
            Object changes = changes(b, e, byHash, problems);
            if (changes != null && !Fields.same(row.get("changes"), changes)) {
                problems.add(where + ": its changes are not the fields in which the record version differs from "
                        + "the one it corrects");
            }
        }
        bySeq.keySet().forEach(seq -> problems.add(AUDIT + " has a row for entry " + seq
                + ", which the package does not hold"));
        return problems.isEmpty() ? Check.pass("audit-trail", b.entries.size()
                + " audit rows match their entries (who, when, what, why, old → new)")
                : Check.fail("audit-trail", EvidenceVerifier.summary(problems));
    }

    /**
     * What a correction changed: every member in which the record version differs from the version it supersedes
     * (by content hash), sorted by name, as {@code {field, old, new}}; a member absent on one side is null.
     */
    private static List<Object> changes(Bundle b, Bundle.Entry e, Map<String, Long> byHash, List<String> problems)
            throws Json.JsonException {
        Object supersedes = e.json().get("supersedesHash");
        if (supersedes == null) {
            return List.of();
        }
        Long previous = byHash.get(e.id() + " " + supersedes);
        Map<String, Object> now = b.record(e.seq());
        Map<String, Object> before = previous == null ? null : b.record(previous);
        if (before == null || now == null) {
            problems.add("entry " + e.seq() + " corrects " + e.id() + " version " + supersedes
                    + ", which the package does not hold");
            return null;
        }
        List<Object> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(now.keySet());
        names.addAll(before.keySet());
        for (String field : names) {
            if (!Fields.same(before.get(field), now.get(field))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("field", field);
                change.put("old", before.get(field));
                change.put("new", now.get(field));
                out.add(change);
            }
        }
        return out;
    }

    static Check sources(Bundle b) throws Json.JsonException {
        List<Map<String, Object>> rows = Fields.objects(b.json(SOURCES), "files", SOURCES);
        Map<String, Map<String, Object>> byRecord = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (byRecord.put(Fields.text(row, "record", SOURCES), row) != null) {
                problems.add(SOURCES + " lists " + row.get("record") + " twice");
            }
        }
        int included = 0;
        for (Bundle.Entry e : b.entries.values()) {
            if (!e.type().equals("SourceFile")) {
                continue;
            }
            Map<String, Object> row = byRecord.remove(e.id());
            Map<String, Object> record = b.record(e.seq());
            if (row == null || record == null) {
                problems.add("source file " + e.id() + " has no row in " + SOURCES + " or no record");
                continue;
            }
            String sha = Fields.text(row, "sha256", SOURCES);
            if (!("sha256:" + sha).equals(record.get("key"))
                    || !Fields.same(row.get("sizeBytes"), record.get("sizeBytes"))) {
                problems.add(SOURCES + " row of " + e.id() + " does not show its record's hash and size");
            }
            if (Boolean.TRUE.equals(row.get("included"))) {
                byte[] original = b.pkg.get(Fields.text(row, "path", SOURCES));
                if (original == null || !Bundle.sha256(original).equals(sha)) {
                    problems.add("the original of " + e.id() + " is missing or does not hash to " + sha);
                } else {
                    included++;
                }
            }
        }
        byRecord.keySet().forEach(r -> problems.add(SOURCES + " lists " + r + ", no source-file entry of the package"));
        return problems.isEmpty() ? Check.pass("sources", rows.size() + " source files indexed, " + included
                + " originals included and hashed") : Check.fail("sources", EvidenceVerifier.summary(problems));
    }

    private static Map<Long, Map<String, Object>> bySeq(List<Map<String, Object>> rows, String where) {
        Map<Long, Map<String, Object>> bySeq = new HashMap<>();
        rows.forEach(r -> bySeq.putIfAbsent(Fields.number(r, "seq", where), r));
        return bySeq;
    }

    private static List<String> duplicates(List<Map<String, Object>> rows, Map<Long, Map<String, Object>> bySeq,
                                           String where) {
        return rows.size() == bySeq.size() ? List.of()
                : List.of(where + " has " + (rows.size() - bySeq.size()) + " rows for an entry listed twice");
    }

    static String text(Object o) {
        return Objects.toString(o);
    }
}
