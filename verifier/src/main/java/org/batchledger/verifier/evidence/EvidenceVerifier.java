package org.batchledger.verifier.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.verifier.proof.Verification;

/**
 * Checks an evidence package in the order of trust: the pinned key and origin sign the manifest, the manifest
 * names every file's hash, the key signs both checkpoints, each entry is in the as-of tree and that tree is a
 * prefix of the latest, and only then is the content (records, signatures, audit rows, genealogy) compared with
 * the entries. Every check runs and reports, so one failure does not hide another; a check that cannot read its
 * input fails naming the file and member.
 */
public final class EvidenceVerifier {
    static final String FORMAT = "batch-ledger-evidence/1";
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIG = "manifest.sig";
    static final String MANIFEST_NOTE_KIND = "evidence-manifest/v1";

    private final NoteVerifier key;
    private final String origin;
    private final Cosignatures witnesses;

    EvidenceVerifier(NoteVerifier key, String origin, Cosignatures witnesses) {
        this.key = key;
        this.origin = origin;
        this.witnesses = witnesses;
    }

    List<Check> verify(Path zip) {
        List<Check> checks = new ArrayList<>();
        EvidencePackage pkg;
        try {
            pkg = EvidencePackage.read(zip);
            checks.add(Check.pass("archive", pkg.files().size() + " files, no unsafe or repeated names"));
        } catch (EvidencePackage.UnsafePackageException | IOException e) {
            checks.add(Check.fail("archive", e.getMessage()));
            return checks;
        }
        checks.add(guard("manifest-signature", () -> manifestSignature(pkg)));
        Map<String, Object> manifest;
        try {
            manifest = Json.object(pkg.get(MANIFEST) == null ? new byte[0] : pkg.get(MANIFEST));
            if (!FORMAT.equals(manifest.get("format"))) {
                checks.add(Check.fail("manifest", "format is " + manifest.get("format") + ", this verifier reads "
                        + FORMAT));
                return checks;
            }
        } catch (Json.JsonException e) {
            checks.add(Check.fail("manifest", MANIFEST + ": " + e.getMessage()));
            return checks;
        }
        Bundle b = new Bundle(pkg, manifest);
        checks.add(guard("file-hashes", () -> FileHashes.check(b)));
        checks.add(guard("checkpoint-as-of", () -> checkpoint(b, "asOf")));
        checks.add(guard("checkpoint-latest", () -> checkpoint(b, "latest")));
        checks.add(guard("witness-cosignatures", () -> witnesses.check(b)));
        try {
            b.readEntries();
        } catch (Json.JsonException | Fields.BadField e) {
            checks.add(Check.fail("entries", e.getMessage()));
            return checks;
        }
        checks.add(guard("inclusion-proofs", () -> Proofs.inclusion(b)));
        checks.add(guard("consistency-proof", () -> Proofs.consistency(b)));
        checks.add(guard("records", () -> ContentChecks.records(b)));
        checks.add(guard("signatures", () -> ContentChecks.signatures(b)));
        checks.add(guard("audit-trail", () -> ContentChecks.audit(b)));
        checks.add(guard("sources", () -> ContentChecks.sources(b)));
        checks.add(guard("genealogy-edges", () -> GenealogyCheck.edges(b)));
        checks.add(guard("genealogy-snapshot", () -> GenealogyCheck.snapshot(b)));
        checks.add(guard(RecallCheck.NAME, () -> RecallCheck.check(b)));
        checks.add(guard(ReportAttachment.NAME, () -> ReportAttachment.check(b)));
        return checks;
    }

    interface CheckBody {
        Check run() throws Json.JsonException;
    }

    /** A check whose input is malformed fails with the reason instead of stopping the others. */
    private static Check guard(String name, CheckBody body) {
        try {
            Check c = body.run();
            return c.name().equals(name) ? c : new Check(name, c.status(), c.detail());
        } catch (Fields.BadField | Json.JsonException e) {
            return Check.fail(name, e.getMessage());
        } catch (RuntimeException e) {
            return Check.fail(name, "unreadable input: " + e);
        }
    }

    /**
     * manifest.sig is a signed note whose text is {@code <origin>\nevidence-manifest/v1\nsha256 <hex>\n}: its
     * second line can never be a tree size, so it cannot pass as a checkpoint, nor a checkpoint as it.
     */
    private Check manifestSignature(EvidencePackage pkg) {
        String name = "manifest-signature";
        byte[] manifest = pkg.get(MANIFEST);
        byte[] sig = pkg.get(MANIFEST_SIG);
        if (manifest == null || sig == null) {
            return Check.fail(name, "the package lacks " + (manifest == null ? MANIFEST : MANIFEST_SIG));
        }
        Checked<String> text = key.open(new String(sig, StandardCharsets.UTF_8));
        if (!text.ok()) {
            return Check.fail(name, MANIFEST_SIG + ": " + text.reason());
        }
        String expected = origin + "\n" + MANIFEST_NOTE_KIND + "\nsha256 " + Bundle.sha256(manifest) + "\n";
        if (!text.value().equals(expected)) {
            String[] lines = text.value().split("\n", -1);
            String why = !lines[0].equals(origin) ? "its origin is '" + lines[0] + "', not the pinned '" + origin + "'"
                    : lines.length < 2 || !lines[1].equals(MANIFEST_NOTE_KIND) ? "it is not an evidence manifest note"
                    : "it signs another manifest.json than the one in the package";
            return Check.fail(name, MANIFEST_SIG + " is signed by " + key.keyName() + " but " + why);
        }
        return Check.pass(name, "signed by the pinned key " + key.keyName() + " over manifest.json (sha256 "
                + Bundle.sha256(manifest) + ")");
    }

    private Check checkpoint(Bundle b, String which) {
        String name = which.equals("asOf") ? "checkpoint-as-of" : "checkpoint-latest";
        Map<String, Object> described = Fields.object(b.manifest, which, MANIFEST);
        String path = Fields.text(described, "note", MANIFEST + " " + which);
        byte[] note = b.pkg.get(path);
        if (note == null) {
            return Check.fail(name, path + " is missing");
        }
        Checked<Checkpoint> cp = key.verifyCheckpoint(new String(note, StandardCharsets.UTF_8));
        if (!cp.ok()) {
            return Check.fail(name, path + ": " + cp.reason());
        }
        Checkpoint c = cp.value();
        if (!c.origin().equals(origin)) {
            return Check.fail(name, path + " is of origin '" + c.origin() + "', not the pinned '" + origin + "'");
        }
        long size = Fields.number(described, "treeSize", MANIFEST + " " + which);
        String root = Fields.text(described, "rootHash", MANIFEST + " " + which);
        String noteRoot = HexFormat.of().formatHex(c.rootHash());
        if (size != c.treeSize() || !root.equals(noteRoot)) {
            return Check.fail(name, MANIFEST + " describes " + which + " as size " + size + " root " + root
                    + ", but " + path + " signs size " + c.treeSize() + " root " + noteRoot);
        }
        if (which.equals("asOf")) {
            b.asOf = c;
        } else {
            b.latest = c;
        }
        return Check.pass(name, path + ": size " + c.treeSize() + ", root " + noteRoot + ", signed by "
                + key.keyName());
    }

    /** Files the manifest lists, the report slot's file included; everything else in the archive is unlisted. */
    static final class FileHashes {
        private FileHashes() {
        }

        static Check check(Bundle b) {
            String name = "file-hashes";
            List<Map<String, Object>> files = new ArrayList<>(Fields.objects(b.manifest, "files", MANIFEST));
            if (b.manifest.get("report") != null) {
                files.add(Fields.object(b.manifest, "report", MANIFEST));
            }
            Set<String> listed = new TreeSet<>(List.of(MANIFEST, MANIFEST_SIG));
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> f : files) {
                String path = Fields.text(f, "path", MANIFEST + " files");
                if (!listed.add(path)) {
                    problems.add(path + " is listed twice");
                    continue;
                }
                byte[] bytes = b.pkg.get(path);
                String want = Fields.text(f, "sha256", MANIFEST + " " + path);
                long size = Fields.number(f, "size", MANIFEST + " " + path);
                if (bytes == null) {
                    problems.add(path + " is listed but missing");
                } else if (!Bundle.sha256(bytes).equals(want) || bytes.length != size) {
                    problems.add(path + " has sha256 " + Bundle.sha256(bytes) + " and " + bytes.length
                            + " bytes; the manifest lists " + want + " and " + size);
                }
            }
            for (String path : b.pkg.files().keySet()) {
                if (!listed.contains(path)) {
                    problems.add(path + " is in the archive but not listed in the manifest");
                }
            }
            return problems.isEmpty() ? Check.pass(name, (listed.size() - 2) + " files match their listed SHA-256")
                    : Check.fail(name, summary(problems));
        }
    }

    static String summary(List<String> problems) {
        return problems.size() + " problem(s): " + String.join("; ", problems.subList(0, Math.min(5,
                problems.size()))) + (problems.size() > 5 ? "; …" : "");
    }

    /** The RFC 9162 proofs, against the checkpoints whose signatures passed (never the manifest's own claims). */
    static final class Proofs {
        private Proofs() {
        }

        static Check inclusion(Bundle b) throws Json.JsonException {
            String name = "inclusion-proofs";
            if (b.asOf == null) {
                return Check.fail(name, "no verified as-of checkpoint to prove against");
            }
            if (b.entries.isEmpty()) {
                return Check.fail(name, "the package holds no ledger entries");
            }
            List<String> problems = new ArrayList<>();
            for (Bundle.Entry e : b.entries.values()) {
                String path = "proofs/inclusion/" + e.seq() + ".json";
                Map<String, Object> p = b.json(path);
                long index = Fields.number(p, "leafIndex", path);
                long size = Fields.number(p, "treeSize", path);
                byte[] leaf = org.batchledger.verifier.proof.MerkleHash.leaf(e.bytes());
                if (Fields.number(p, "seq", path) != e.seq() || index != e.seq() - 1) {
                    problems.add(path + " is not a proof of entry " + e.seq() + " (leaf index " + (e.seq() - 1) + ")");
                } else if (size != b.asOf.treeSize()) {
                    problems.add(path + " is for tree size " + size + ", not the as-of checkpoint's "
                            + b.asOf.treeSize());
                } else if (!java.util.Arrays.equals(Fields.hash(p, "leafHash", path), leaf)) {
                    problems.add(path + ": the leaf hash of entries/" + e.seq() + ".json is "
                            + HexFormat.of().formatHex(leaf) + ", not the proof's " + p.get("leafHash"));
                } else {
                    Verification v = ProofVerifier.verifyInclusion(index, size, leaf, Fields.hashes(p, "hashes", path),
                            b.asOf.rootHash());
                    if (!v.ok()) {
                        problems.add(path + ": " + v.reason());
                    }
                }
            }
            for (String path : b.pkg.files().keySet()) {
                if (path.startsWith("proofs/inclusion/") && !b.entries.containsKey(seqOf(path))) {
                    problems.add(path + " proves an entry the package does not hold");
                }
            }
            return problems.isEmpty() ? Check.pass(name, b.entries.size() + " entries are in the tree of size "
                    + b.asOf.treeSize()) : Check.fail(name, summary(problems));
        }

        private static long seqOf(String path) {
            String n = path.substring("proofs/inclusion/".length()).replace(".json", "");
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        static Check consistency(Bundle b) {
            String name = "consistency-proof";
            if (b.asOf == null || b.latest == null) {
                return Check.fail(name, "the checkpoints did not verify");
            }
            String path = "proofs/consistency.json";
            Map<String, Object> p = b.json(path);
            long from = Fields.number(p, "fromSize", path);
            long to = Fields.number(p, "toSize", path);
            if (from != b.asOf.treeSize() || to != b.latest.treeSize()) {
                return Check.fail(name, path + " is from size " + from + " to " + to + ", not from the as-of "
                        + b.asOf.treeSize() + " to the latest " + b.latest.treeSize());
            }
            if (!java.util.Arrays.equals(Fields.hash(p, "fromRoot", path), b.asOf.rootHash())
                    || !java.util.Arrays.equals(Fields.hash(p, "toRoot", path), b.latest.rootHash())) {
                return Check.fail(name, path + " names other roots than the signed checkpoints");
            }
            Verification v = ProofVerifier.verifyConsistency(from, to, b.asOf.rootHash(), b.latest.rootHash(),
                    Fields.hashes(p, "hashes", path));
            return v.ok() ? Check.pass(name, "the tree of size " + from + " is a prefix of the tree of size " + to)
                    : Check.fail(name, path + ": " + v.reason());
        }
    }
}
