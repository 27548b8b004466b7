package org.batchledger.lineage.evidence;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.RecallImpactAnalysis;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.audit.ConsistencyProof;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.StoredCheckpoint;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.Sha256;

/**
 * Builds an evidence package (docs/evidence-package.md) into a file: the subject's record versions with their
 * entries' exact bytes, inclusion proofs against the as-of checkpoint and a consistency proof to the latest, the
 * signatures, audit rows, genealogy and source files; then {@code manifest.json} listing every file's SHA-256 and
 * {@code manifest.sig}, a signed note by the hub's checkpoint key whose text can never be read as a checkpoint.
 * Nothing is cut silently: a trace cut by its limits says so in genealogy.json and the manifest, and a package
 * beyond {@code maxEntries} is refused.
 */
public final class EvidenceExporter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvidenceExporter.class);
    public static final String FORMAT = "batch-ledger-evidence/1";
    public static final String MANIFEST_NOTE_KIND = "evidence-manifest/v1";
    /** The release's trace limits, so a disposition's snapshot can be re-run from the package. */
    static final TraceLimits LIMITS = TraceLimits.of(TraceLimits.DEFAULT_HOPS, TraceLimits.DEFAULT_NODES);

    private final GraphDatabase db;
    private final GenealogyTraversal traversal;
    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final NoteSigner signer;
    private final Limits limits;
    private final Clock clock;
    private final PackageReport report;

    /** Bounds of one package. */
    public record Limits(long maxOriginalBytes, int maxEntries) {
    }

    /** Who asked, and how: recorded in the manifest. */
    public record Request(EvidenceScope scope, String id, Long asOf, String requestedBySubject,
                          String requestedByName, String query) {
    }

    /** The written package. */
    public record Export(String subject, long asOf, long latest, String sha256, long sizeBytes, int fileCount) {
    }

    public EvidenceExporter(GraphDatabase db, GenealogyTraversal traversal, Checkpoints checkpoints,
                            LedgerProofs proofs, NoteSigner signer, Limits limits, Clock clock) {
        this(db, traversal, checkpoints, proofs, signer, limits, clock, null);
    }

    /** As above, with {@code report} rendering report.pdf (null: a package without a report). */
    public EvidenceExporter(GraphDatabase db, GenealogyTraversal traversal, Checkpoints checkpoints,
                            LedgerProofs proofs, NoteSigner signer, Limits limits, Clock clock,
                            PackageReport report) {
        this.report = report;
        this.db = db;
        this.traversal = traversal;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.signer = signer;
        this.limits = limits;
        this.clock = clock;
    }

    /** Writes the package to {@code target}; {@code originals} gives a verified original by SHA-256, or null. */
    public Export export(Request request, Path target, Function<String, byte[]> originals) throws IOException {
        RecordRef subject = subject(request);
        boolean recall = request.scope() == EvidenceScope.RECALL;
        StoredCheckpoint latest = checkpoints.latest();
        StoredCheckpoint asOf = asOfCheckpoint(request.asOf(), latest);
        // a recall is the recallImpact walk (downstream, its wide limits) pinned to the as-of size
        TraceResult trace = traversal.trace(subject, recall ? TraceDirection.DOWNSTREAM : TraceDirection.UPSTREAM,
                        recall ? RecallImpactAnalysis.LIMITS : LIMITS, new AsOf(asOf.treeSize()))
                .orElseThrow(() -> new EvidenceRefusedException(EvidenceRefusedException.Kind.NOT_FOUND,
                        request.id(), "no " + (recall ? "lot " : "batch ") + request.id()
                                + " is recorded as of tree size " + asOf.treeSize()));
        Set<String> batches = new TreeSet<>();
        Set<String> lots = new TreeSet<>();
        for (TracedNode n : trace.nodes()) {
            (n.ref().type() == RecordType.BATCH ? batches : lots).add(n.ref().key());
        }
        long t0 = System.nanoTime();
        // a recall's affected batches are each exported as fully as a batch's own package exports its subject
        List<InvolvedRecords.Version> versions = new InvolvedRecords(db).collect(recall ? batches
                : Set.of(subject.key()), batches, lots, asOf.treeSize());
        if (versions.size() > limits.maxEntries()) {
            throw new EvidenceRefusedException(EvidenceRefusedException.Kind.BAD_REQUEST, request.id(),
                    "the package of " + request.id() + " would hold " + versions.size()
                            + " ledger entries, more than the limit of " + limits.maxEntries());
        }
        long t1 = System.nanoTime();
        LedgerMaterial ledger = new LedgerMaterial(db);
        var entries = ledger.entries(versions.stream().map(InvolvedRecords.Version::seq).toList());
        var inclusion = ledger.inclusionProofs(entries.keySet(), asOf.treeSize());
        ConsistencyProof consistency = proofs.consistency(asOf.treeSize(), latest.treeSize());
        long t2 = System.nanoTime();
        BatchEvidence content = new BatchEvidence(versions, entries);
        jakarta.json.JsonObject recallMember = recall ? RecallAffected.of(trace, content).manifestMember() : null;

        List<PackageFile> files = new ArrayList<>();
        files.add(new PackageFile("checkpoints/as-of.note", asOf.cosignedNote().getBytes(StandardCharsets.UTF_8),
                PackageFile.NOTE));
        files.add(new PackageFile("checkpoints/latest.note", latest.cosignedNote().getBytes(StandardCharsets.UTF_8),
                PackageFile.NOTE));
        entries.values().forEach(e -> files.add(new PackageFile("entries/" + e.seq() + ".json", e.bytes(),
                PackageFile.JSON)));
        inclusion.forEach((seq, hashes) -> files.add(inclusionFile(seq, asOf.treeSize(),
                java.util.HexFormat.of().formatHex(MerkleHash.leaf(entries.get(seq).bytes())), hashes)));
        files.add(consistencyFile(consistency));
        content.addRecords(files);
        files.add(content.signatures());
        files.add(content.audit());
        files.add(content.genealogy(trace, asOf.treeSize()));
        files.addAll(content.sources(limits.maxOriginalBytes(), originals));
        files.sort(Comparator.comparing(PackageFile::path));

        Instant generatedAt = clock.instant();
        byte[] manifest = JsonFiles.bytes(manifest(request, subject, asOf, latest, trace, recallMember, files, generatedAt)
                .build());
        PackageFile pdf = null;
        if (report != null) {
            SortedMap<String, byte[]> byPath = new TreeMap<>();
            files.forEach(f -> byPath.put(f.path(), f.bytes()));
            byte[] stageOne = manifest;
            pdf = new PackageFile(PackageReport.PATH, report.render(stageOne,
                    Collections.unmodifiableSortedMap(byPath)), PackageReport.MEDIA_TYPE);
            manifest = JsonFiles.bytes(manifest(request, subject, asOf, latest, trace, recallMember, files, generatedAt)
                    .add("report", JsonFiles.JSON.createObjectBuilder().add("path", pdf.path())
                            .add("sha256", Sha256.hex(pdf.bytes())).add("size", pdf.bytes().length)
                            .add("mediaType", pdf.mediaType()).add("attachedManifestSha256", Sha256.hex(stageOne)))
                    .build());
        }
        String sig = signer.sign(signer.keyName() + "\n" + MANIFEST_NOTE_KIND + "\nsha256 " + Sha256.hex(manifest)
                + "\n");
        files.add(0, new PackageFile("manifest.json", manifest, PackageFile.JSON));
        files.add(1, new PackageFile("manifest.sig", sig.getBytes(StandardCharsets.UTF_8), PackageFile.NOTE));
        if (pdf != null) {
            files.add(pdf);
        }
        long t3 = System.nanoTime();
        write(target, files);
        LOG.info("Evidence of {}: {} entries; records {} ms, ledger bytes and proofs {} ms, content {} ms, zip {} ms",
                subject, entries.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        return new Export(subject.toString(), asOf.treeSize(), latest.treeSize(), sha256(target), Files.size(target),
                files.size());
    }

    private static RecordRef subject(Request request) {
        RecordType wanted = request.scope() == EvidenceScope.RECALL ? RecordType.LOT : RecordType.BATCH;
        RecordRef ref;
        try {
            ref = RecordRef.parse(request.id());
        } catch (IllegalArgumentException e) {
            ref = null;
        }
        if (ref == null || ref.type() != wanted) {
            throw new EvidenceRefusedException(EvidenceRefusedException.Kind.NOT_FOUND, request.id(),
                    "scope " + request.scope() + " needs a " + (wanted == RecordType.LOT ? "lot ID (Lot:<key>)"
                            : "batch ID (Batch:<key>)") + "; " + request.id() + " is not one");
        }
        return ref;
    }

    /** The signed checkpoint of exactly the size asked for (data and proofs are cut at it), or the latest. */
    private StoredCheckpoint asOfCheckpoint(Long asOf, StoredCheckpoint latest) {
        if (asOf == null) {
            return latest;
        }
        if (asOf < 1 || asOf > latest.treeSize()) {
            throw new LedgerArgumentException("asOf", "is " + asOf + ", beyond the ledger's size "
                    + latest.treeSize() + " (or below 1)");
        }
        return db.read(checkpoints::all).stream().filter(c -> c.treeSize() == asOf).findFirst()
                .orElseThrow(() -> new LedgerArgumentException("asOf", "is " + asOf
                        + ", which no signed checkpoint has; give a checkpoint's treeSize (the latest is "
                        + latest.treeSize() + ")"));
    }

    private JsonObjectBuilder manifest(Request request, RecordRef subject, StoredCheckpoint asOf,
                                       StoredCheckpoint latest, TraceResult trace, jakarta.json.JsonObject recall,
                                       List<PackageFile> files, Instant generatedAt) {
        JsonArrayBuilder list = JsonFiles.JSON.createArrayBuilder();
        for (PackageFile f : files) {
            list.add(JsonFiles.JSON.createObjectBuilder().add("path", f.path()).add("sha256", Sha256.hex(f.bytes()))
                    .add("size", f.bytes().length).add("mediaType", f.mediaType()));
        }
        JsonObjectBuilder variables = JsonFiles.JSON.createObjectBuilder().add("scope", request.scope().name())
                .add("id", request.id())
                .add("asOf", request.asOf() == null ? JsonValue.NULL : JsonFiles.JSON.createValue(request.asOf()));
        JsonObjectBuilder m = JsonFiles.JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("scope", request.scope().name())
                .add("subject", subject.toString())
                .add("query", JsonFiles.JSON.createObjectBuilder().add("document", request.query()).add("variables", variables))
                .add("log", JsonFiles.JSON.createObjectBuilder().add("origin", signer.keyName())
                        .add("verifierKey", signer.verifierKey()))
                .add("asOf", checkpoint(asOf, "checkpoints/as-of.note"))
                .add("latest", checkpoint(latest, "checkpoints/latest.note"))
                .add("generatedAt", CanonicalJson.formatInstant(generatedAt))
                .add("generatedBy", JsonFiles.JSON.createObjectBuilder().add("subject", request.requestedBySubject())
                        .add("name", request.requestedByName() == null ? "" : request.requestedByName()))
                .add("limits", JsonFiles.JSON.createObjectBuilder()
                        .add("maxOriginalBytes", limits.maxOriginalBytes()).add("maxEntries", limits.maxEntries())
                        .add("traceMaxHops", trace.limits().maxHops())
                        .add("traceMaxNodes", trace.limits().maxNodes())
                        .add("genealogyComplete", trace.complete())
                        .add("genealogyTruncatedBy", trace.truncatedBy() == null ? JsonValue.NULL
                                : JsonFiles.JSON.createValue(trace.truncatedBy().name())));
        if (recall != null) {
            m.add("recall", recall);
        }
        return m.add("report", JsonValue.NULL).add("files", list);
    }

    private static JsonObjectBuilder checkpoint(StoredCheckpoint c, String note) {
        return JsonFiles.JSON.createObjectBuilder().add("treeSize", c.treeSize()).add("rootHash", c.rootHash())
                .add("note", note);
    }

    private static PackageFile inclusionFile(long seq, long treeSize, String leafHash, List<String> hashes) {
        return BatchEvidence.json("proofs/inclusion/" + seq + ".json", JsonFiles.JSON.createObjectBuilder().add("seq", seq)
                .add("leafIndex", seq - 1).add("treeSize", treeSize).add("leafHash", leafHash)
                .add("hashes", JsonFiles.JSON.createArrayBuilder(hashes)));
    }

    private static PackageFile consistencyFile(ConsistencyProof p) {
        return BatchEvidence.json("proofs/consistency.json", JsonFiles.JSON.createObjectBuilder()
                .add("fromSize", p.fromSize()).add("toSize", p.toSize()).add("fromRoot", p.fromRoot())
                .add("toRoot", p.toRoot()).add("hashes", JsonFiles.JSON.createArrayBuilder(p.hashes())));
    }

    private static void write(Path target, List<PackageFile> files) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (PackageFile f : files) {
                ZipEntry e = new ZipEntry(f.path());
                e.setTime(0); // the same content gives the same archive bytes
                zip.putNextEntry(e);
                zip.write(f.bytes());
                zip.closeEntry();
            }
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }
}
