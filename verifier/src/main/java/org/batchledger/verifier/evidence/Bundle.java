package org.batchledger.verifier.evidence;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.Sha256;

/**
 * What the checks share once the archive is read: its files, the manifest, the two checkpoints (once their
 * signatures passed) and the ledger entries by sequence number. An entry is parsed from its exact committed bytes,
 * which are also what its leaf hash is computed from.
 */
final class Bundle {
    static final Pattern ENTRY = Pattern.compile("entries/([1-9][0-9]{0,17})\\.json");
    static final Pattern RECORD = Pattern.compile("records/([1-9][0-9]{0,17})\\.json");

    final EvidencePackage pkg;
    final Map<String, Object> manifest;
    Checkpoint asOf;
    Checkpoint latest;
    final Map<Long, Entry> entries = new TreeMap<>();

    /** One ledger entry: its committed bytes and their parsed members. */
    record Entry(long seq, byte[] bytes, Map<String, Object> json) {
        String type() {
            return Fields.text(json, "entityType", where());
        }

        String key() {
            return Fields.text(json, "entityKey", where());
        }

        /** The record's global ID, {@code Label:key}. */
        String id() {
            return type() + ":" + key();
        }

        String contentHash() {
            return Fields.text(json, "contentHash", where());
        }

        String where() {
            return "entries/" + seq + ".json";
        }
    }

    Bundle(EvidencePackage pkg, Map<String, Object> manifest) {
        this.pkg = pkg;
        this.manifest = manifest;
    }

    /** Parses every {@code entries/<seq>.json}; a malformed one fails the check that reads entries. */
    void readEntries() throws Json.JsonException {
        for (var file : pkg.files().entrySet()) {
            Matcher m = ENTRY.matcher(file.getKey());
            if (m.matches()) {
                long seq = Long.parseLong(m.group(1));
                Map<String, Object> json;
                try {
                    json = Json.object(file.getValue());
                } catch (Json.JsonException e) {
                    throw new Json.JsonException(file.getKey() + ": " + e.getMessage());
                }
                if (Fields.number(json, "seq", file.getKey()) != seq) {
                    throw new Json.JsonException(file.getKey() + ": its seq member is not " + seq);
                }
                entries.put(seq, new Entry(seq, file.getValue(), json));
            }
        }
    }

    /** The record version of entry {@code seq}, parsed, or null when the package lacks it. */
    Map<String, Object> record(long seq) throws Json.JsonException {
        byte[] bytes = pkg.get("records/" + seq + ".json");
        return bytes == null ? null : Json.object(bytes);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** A JSON file of the package as an object, or a {@link Fields.BadField} naming it. */
    Map<String, Object> json(String path) {
        byte[] bytes = pkg.get(path);
        if (bytes == null) {
            throw new Fields.BadField(path + " is missing");
        }
        try {
            return Json.object(bytes);
        } catch (Json.JsonException e) {
            throw new Fields.BadField(path + ": " + e.getMessage());
        }
    }
}
