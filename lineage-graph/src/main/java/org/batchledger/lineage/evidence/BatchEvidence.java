package org.batchledger.lineage.evidence;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.batchledger.lineage.genealogy.TraceLink;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.RecordType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content files of a batch's package from the record versions involved and their entries: {@code records/},
 * {@code signatures.json}, {@code audit.json}, {@code genealogy.json} and {@code sources/}. Every row is derived
 * from a record version's canonical bytes or its entry, the way the verifier re-derives it, so the two agree by
 * construction and any edit shows.
 */
final class BatchEvidence {
    private static final Logger LOG = LoggerFactory.getLogger(BatchEvidence.class);

    private final List<InvolvedRecords.Version> versions;
    private final Map<Long, LedgerMaterial.Entry> entries;
    private final Map<Long, byte[]> records = new HashMap<>();
    private final Map<Long, JsonObject> parsed = new HashMap<>();
    private final Map<String, Long> versionSeq = new HashMap<>(); // "Label:key contentHash" → entry

    BatchEvidence(List<InvolvedRecords.Version> versions, Map<Long, LedgerMaterial.Entry> entries) {
        this.versions = versions;
        this.entries = entries;
        for (InvolvedRecords.Version v : versions) {
            try {
                byte[] bytes = CanonicalJson.canonicalBytes(RecordProperties.toRecord(v.props(), v.type().javaType()));
                records.put(v.seq(), bytes);
                parsed.put(v.seq(), JsonFiles.object(bytes));
            } catch (RuntimeException e) {
                // left out: the verifier then names the entry without its record, as it should
                LOG.warn("Record {}:{} of entry {} no longer makes a record: {}", v.type().graphName(), v.key(),
                        v.seq(), e.getMessage());
            }
        }
        entries.values().forEach(e -> versionSeq.put(id(e.entry()) + " " + e.entry().contentHash(), e.seq()));
    }

    static String id(LedgerEntry e) {
        return e.entityType() + ":" + e.entityKey();
    }

    void addRecords(List<PackageFile> files) {
        records.forEach((seq, bytes) -> files.add(new PackageFile("records/" + seq + ".json", bytes,
                PackageFile.JSON)));
    }

    /** The §11.50 manifestation of each signature and the §11.70 binding: the version it signs and its entry. */
    PackageFile signatures() {
        JsonArrayBuilder rows = JsonFiles.JSON.createArrayBuilder();
        for (InvolvedRecords.Version v : versions) {
            JsonObject r = parsed.get(v.seq());
            if (v.type() != RecordType.SIGNATURE || r == null) {
                continue;
            }
            JsonObjectBuilder row = JsonFiles.JSON.createObjectBuilder().add("seq", v.seq())
                    .add("id", "Signature:" + v.key()).add("record", "records/" + v.seq() + ".json");
            for (String f : List.of("signs", "signedContentHash", "signerSubject", "printedName", "meaning", "reason",
                    "signedAt", "capturedIn")) {
                row.add(f, JsonFiles.orNull(r, f));
            }
            Long signed = versionSeq.get(r.getString("signs", "") + " " + r.getString("signedContentHash", ""));
            row.add("signedSeq", signed == null ? JsonValue.NULL : JsonFiles.JSON.createValue(signed));
            rows.add(row);
        }
        return json("signatures.json", JsonFiles.JSON.createObjectBuilder().add("signatures", rows));
    }

    /** One row per entry: who, when, what, why, and for a correction each field's old and new value. */
    PackageFile audit() {
        JsonArrayBuilder rows = JsonFiles.JSON.createArrayBuilder();
        for (LedgerMaterial.Entry le : entries.values()) {
            LedgerEntry e = le.entry();
            JsonObject entry = JsonFiles.object(le.bytes());
            JsonObjectBuilder row = JsonFiles.JSON.createObjectBuilder().add("seq", e.seq()).add("record", id(e));
            for (String f : List.of("action", "at", "actorSubject", "actorName", "actorRoles", "actorClient",
                    "reason", "version")) {
                row.add(f, JsonFiles.orNull(entry, f));
            }
            row.add("changes", changes(e));
            rows.add(row);
        }
        return json("audit.json", JsonFiles.JSON.createObjectBuilder().add("rows", rows));
    }

    private JsonArrayBuilder changes(LedgerEntry e) {
        JsonArrayBuilder out = JsonFiles.JSON.createArrayBuilder();
        Long previous = e.supersedesHash() == null ? null : versionSeq.get(id(e) + " " + e.supersedesHash());
        JsonObject before = previous == null ? null : parsed.get(previous);
        JsonObject now = parsed.get(e.seq());
        if (before == null || now == null) {
            return out;
        }
        TreeSet<String> names = new TreeSet<>(now.keySet());
        names.addAll(before.keySet());
        for (String f : names) {
            JsonValue old = JsonFiles.orNull(before, f);
            JsonValue neu = JsonFiles.orNull(now, f);
            if (!old.equals(neu)) {
                out.add(JsonFiles.JSON.createObjectBuilder().add("field", f).add("old", old).add("new", neu));
            }
        }
        return out;
    }

    /** The upstream trace with each edge's declaring record: the verifier re-walks these records. */
    PackageFile genealogy(TraceResult trace, long asOf) {
        Map<String, List<InvolvedRecords.Version>> declaring = new HashMap<>();
        for (InvolvedRecords.Version v : versions) {
            JsonObject r = parsed.get(v.seq());
            if (r == null || (v.type() != RecordType.CONSUMPTION && v.type() != RecordType.PRODUCTION)) {
                continue;
            }
            String lot = "Lot:" + r.getString("lotKey");
            String batch = "Batch:" + r.getString("batchKey");
            String link = v.type() == RecordType.CONSUMPTION ? lot + ">" + batch : batch + ">" + lot;
            declaring.computeIfAbsent(link, k -> new ArrayList<>()).add(v);
        }
        Map<String, Long> subLotSeq = subLotLinks();
        JsonArrayBuilder nodes = JsonFiles.JSON.createArrayBuilder();
        for (TracedNode n : trace.nodes()) {
            nodes.add(JsonFiles.JSON.createObjectBuilder().add("id", n.ref().toString()).add("hop", n.hop()));
        }
        JsonArrayBuilder edges = JsonFiles.JSON.createArrayBuilder();
        for (TraceLink l : trace.links()) {
            Long subLot = subLotSeq.get(l.sortKey());
            if (subLot != null) {
                edges.add(JsonFiles.JSON.createObjectBuilder().add("from", l.from().toString())
                        .add("to", l.to().toString()).add("relationship", l.relationship())
                        .add("record", l.to().toString()).add("seq", subLot));
            }
            for (InvolvedRecords.Version v : declaring.getOrDefault(l.sortKey(), List.of())) {
                edges.add(JsonFiles.JSON.createObjectBuilder().add("from", l.from().toString()).add("to", l.to().toString())
                        .add("relationship", v.type().graphName()).add("record", v.type().graphName() + ":" + v.key())
                        .add("seq", v.seq()));
            }
        }
        JsonObjectBuilder g = JsonFiles.JSON.createObjectBuilder().add("start", trace.start().toString())
                .add("direction", trace.direction().name()).add("asOf", asOf)
                .add("limits", JsonFiles.JSON.createObjectBuilder().add("maxHops", trace.limits().maxHops())
                        .add("maxNodes", trace.limits().maxNodes()))
                .add("complete", trace.complete())
                .add("truncatedBy", trace.truncatedBy() == null ? JsonValue.NULL
                        : JsonFiles.JSON.createValue(trace.truncatedBy().name()))
                .add("nodes", nodes).add("edges", edges);
        return json("genealogy.json", g);
    }

    /**
     * The {@code SUBLOT_OF} links the package's lots declare ({@code Lot:parent>Lot:sub-lot}), each with the entry it
     * exists from: the later of the two lots' first entries (a sub-lot may arrive before its lot). A sub-lot's parent
     * is a reference field, never corrected, so its first version declares it.
     */
    private Map<String, Long> subLotLinks() {
        Map<String, Long> first = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (InvolvedRecords.Version v : versions) {
            JsonObject r = parsed.get(v.seq());
            if (v.type() != RecordType.LOT || r == null) {
                continue;
            }
            first.merge(v.key(), v.seq(), Math::min);
            if (r.getString("parentLotKey", null) != null) {
                parentOf.put(v.key(), r.getString("parentLotKey"));
            }
        }
        Map<String, Long> links = new HashMap<>();
        parentOf.forEach((sub, parent) -> {
            if (first.containsKey(parent)) {
                links.put("Lot:" + parent + ">Lot:" + sub, Math.max(first.get(sub), first.get(parent)));
            }
        });
        return links;
    }

    /** The source-file index; originals up to {@code maxBytes} are added by the caller from {@code originals}. */
    List<PackageFile> sources(long maxBytes, Function<String, byte[]> originals) {
        List<PackageFile> files = new ArrayList<>();
        JsonArrayBuilder rows = JsonFiles.JSON.createArrayBuilder();
        Set<String> seen = new TreeSet<>();
        for (InvolvedRecords.Version v : versions) {
            JsonObject r = parsed.get(v.seq());
            if (v.type() != RecordType.SOURCE_FILE || r == null || !seen.add(v.key())) {
                continue;
            }
            String sha = v.key().startsWith("sha256:") ? v.key().substring(7) : v.key();
            long size = r.getJsonNumber("sizeBytes").longValue();
            JsonObjectBuilder row = JsonFiles.JSON.createObjectBuilder().add("record", "SourceFile:" + v.key())
                    .add("seq", v.seq()).add("sha256", sha).add("sizeBytes", size)
                    .add("fileName", JsonFiles.orNull(r, "fileName")).add("mediaType", JsonFiles.orNull(r, "mediaType"));
            byte[] original = size <= maxBytes ? originals.apply(sha) : null;
            if (original != null) {
                String path = "sources/" + sha;
                files.add(new PackageFile(path, original, "application/octet-stream"));
                row.add("included", true).add("path", path);
            } else {
                row.add("included", false).add("omittedBecause", size > maxBytes
                        ? "larger than the export's limit of " + maxBytes + " bytes"
                        : "the stored original is missing or no longer matches its hash");
            }
            rows.add(row);
        }
        files.add(json("sources/index.json", JsonFiles.JSON.createObjectBuilder().add("maxOriginalBytes", maxBytes)
                .add("files", rows)));
        return files;
    }

    /** The newest version in the package of the record {@code Label:key} (versions are in entry order), or null. */
    JsonObject newest(String id) {
        JsonObject out = null;
        for (InvolvedRecords.Version v : versions) {
            if (!v.type().isRelationship() && id.equals(v.type().graphName() + ":" + v.key())
                    && parsed.get(v.seq()) != null) {
                out = parsed.get(v.seq());
            }
        }
        return out;
    }

    int recordCount() {
        return records.size();
    }

    static PackageFile json(String path, JsonObjectBuilder content) {
        return new PackageFile(path, JsonFiles.bytes(content.build()), PackageFile.JSON);
    }
}
