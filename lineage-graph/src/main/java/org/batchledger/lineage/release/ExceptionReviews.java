package org.batchledger.lineage.release;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.verifier.proof.Sha256;

/**
 * Which exceptions of a review queue QA has dispositioned. Exceptions are derived, so a decision binds the
 * exception's id and its evidence hash ({@link #evidenceSha256}: class, reason and the content hash of every record
 * behind it, as the graph stood); a decision covers the exception only while that hash is the same, so a record
 * corrected since needs a new decision. A decision whose signature was withdrawn covers nothing.
 * Cost: two queries for any number of batches (the decisions, and the evidence's content hashes).
 */
public final class ExceptionReviews {
    private static final String DECISIONS = """
            MATCH (d:ExceptionDisposition) WHERE d.batchKey IN $batches AND VALID_D
            OPTIONAL MATCH (s:Signature {key: d.signatureKey}) WHERE VALID_S
            WITH d, s, EXISTS { MATCH (w:SignatureWithdrawal {signatureKey: d.signatureKey}) WHERE VALID_W } AS withdrawn
            WHERE NOT withdrawn
            RETURN d.key AS key, d.batchKey AS batch, d.exceptionId AS id, d.evidenceSha256 AS evidence,
                   d.decision AS decision, d.comment AS comment, d.deviationKey AS deviation,
                   d.signatureKey AS signature, s.printedName AS by, d.decidedAt AS at, d.ledgerSeq AS seq
            ORDER BY d.ledgerSeq""";

    private final GraphDatabase db;

    public ExceptionReviews(GraphDatabase db) {
        this.db = db;
    }

    /** A standing decision on an exception. {@code decidedBy}: the signer's printed name. */
    public record Decision(String key, String exceptionId, String evidenceSha256, String decision, String comment,
                           String deviationKey, String signatureKey, String decidedBy, Instant decidedAt) {
    }

    /**
     * One exception and what QA decided on it: {@code covering} the decision on this very evidence, if any;
     * {@code earlier} decisions on the same exception id whose evidence has changed since (they cover nothing).
     */
    public record Review(ReviewException exception, String evidenceSha256, Optional<Decision> covering,
                         List<Decision> earlier) {
        public boolean dispositioned() {
            return covering.isPresent();
        }
    }

    /** The reviews of one batch's exceptions, in their order. */
    public List<Review> of(String batchKey, List<ReviewException> exceptions, AsOf at) {
        return of(Map.of(batchKey, exceptions), at).get(batchKey);
    }

    /** The reviews of many batches' exceptions, with the same number of queries as one. */
    public Map<String, List<Review>> of(Map<String, List<ReviewException>> exceptions, AsOf at) {
        return db.read(tx -> {
            Map<RecordRef, String> hashes = contentHashes(tx, exceptions.values().stream().flatMap(List::stream)
                    .flatMap(x -> x.records().stream()).map(Evidence::record).collect(Collectors.toSet()), at);
            Map<String, List<Decision>> byId = decisions(tx, exceptions.keySet(), at).stream()
                    .collect(Collectors.groupingBy(Decision::exceptionId, LinkedHashMap::new, Collectors.toList()));
            Map<String, List<Review>> out = new LinkedHashMap<>();
            exceptions.forEach((batch, list) -> out.put(batch, list.stream().map(x -> {
                String evidence = evidenceSha256(x, hashes);
                List<Decision> all = byId.getOrDefault(x.id(), List.of());
                return new Review(x, evidence, all.stream().filter(d -> evidence.equals(d.evidenceSha256()))
                        .findFirst(), all.stream().filter(d -> !evidence.equals(d.evidenceSha256())).toList());
            }).toList()));
            return out;
        });
    }

    /** The standing decisions on exceptions of these batches, oldest first. */
    public static List<Decision> decisions(Tx tx, Collection<String> batchKeys, AsOf at) {
        String cypher = DECISIONS.replace("VALID_D", at.predicate("d")).replace("VALID_S", at.predicate("s"))
                .replace("VALID_W", at.predicate("w"));
        Map<String, Object> params = new HashMap<>(at.parameters());
        params.put("batches", List.copyOf(batchKeys));
        return tx.run(cypher, params).list(r -> new Decision(r.get("key").asString(), r.get("id").asString(),
                r.get("evidence").asString(), r.get("decision").asString(), r.get("comment").asString(null),
                r.get("deviation").asString(null), r.get("signature").asString(), r.get("by").asString(null),
                r.get("at").isNull() ? null : org.batchledger.schema.json.CanonicalJson.parseInstant(r.get("at").asString())));
    }

    /**
     * The evidence an exception was raised on, as one SHA-256 (hex): its id, class and reason, then each record
     * behind it with its content hash ({@code Label:key=hash}, sorted; {@code absent} when not recorded).
     */
    public static String evidenceSha256(ReviewException x, Map<RecordRef, String> contentHashes) {
        StringBuilder text = new StringBuilder().append(x.id()).append('\n').append(x.exceptionClass()).append('\n')
                .append(x.reason()).append('\n');
        Set<String> lines = new TreeSet<>();
        x.records().forEach(e -> lines.add(e.record() + "=" + contentHashes.getOrDefault(e.record(), "absent")));
        lines.forEach(l -> text.append(l).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The content hash of each record's version valid at {@code at}, in one query (a branch per record type; labels
     * and relationship types from the allow-list).
     */
    public static Map<RecordRef, String> contentHashes(Tx tx, Collection<RecordRef> refs, AsOf at) {
        Map<RecordType, List<String>> byType = refs.stream().collect(Collectors.groupingBy(RecordRef::type,
                Collectors.mapping(RecordRef::key, Collectors.toList())));
        Map<RecordRef, String> out = new HashMap<>();
        if (byType.isEmpty()) {
            return out;
        }
        List<RecordType> types = new ArrayList<>(byType.keySet());
        types.sort(Comparator.naturalOrder());
        Map<String, Object> params = new HashMap<>(at.parameters());
        List<String> branches = new ArrayList<>();
        for (RecordType type : types) {
            String match = type.isRelationship() ? "()-[n:" + type.graphName() + " {key: k}]->()"
                    : "(n:" + type.graphName() + " {key: k})";
            params.put("k" + type.ordinal(), byType.get(type));
            branches.add("UNWIND $k" + type.ordinal() + " AS k MATCH " + match + " WHERE " + at.predicate("n")
                    + " RETURN '" + type.name() + "' AS type, k, n.contentHash AS hash");
        }
        tx.run("CALL () { " + String.join(" UNION ALL ", branches) + " } RETURN type, k, hash", params).list()
                .forEach(r -> out.put(new RecordRef(RecordType.valueOf(r.get("type").asString()),
                        r.get("k").asString()), r.get("hash").asString(null)));
        return out;
    }
}
