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
 * Cost: one query for any number of batches (the decisions and the evidence's content hashes together).
 */
public final class ExceptionReviews {
    private static final String STANDING = """
            MATCH (d:ExceptionDisposition) WHERE d.batchKey IN $batches AND VALID_D
            OPTIONAL MATCH (s:Signature {key: d.signatureKey}) WHERE VALID_S
            WITH d, s, EXISTS { MATCH (w:SignatureWithdrawal {signatureKey: d.signatureKey}) WHERE VALID_W } AS withdrawn
            WHERE NOT withdrawn
            """;
    private static final String DECISIONS = STANDING + """
            RETURN d.key AS key, d.batchKey AS batch, d.exceptionId AS id, d.evidenceSha256 AS evidence,
                   d.decision AS decision, d.comment AS comment, d.deviationKey AS deviation,
                   d.signatureKey AS signature, s.printedName AS by, d.decidedAt AS at, d.ledgerSeq AS seq
            ORDER BY d.ledgerSeq""";
    /** The decisions as the union branch of {@link #reviews}: one map per decision, no hash. */
    private static final String DECISION_ROWS = STANDING + """
            RETURN null AS type, null AS k, null AS hash,
                   {key: d.key, id: d.exceptionId, evidence: d.evidenceSha256, decision: d.decision,
                    comment: d.comment, deviation: d.deviationKey, signature: d.signatureKey, by: s.printedName,
                    at: d.decidedAt, seq: d.ledgerSeq} AS decision""";

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
        return db.read(tx -> reviews(tx, exceptions, at));
    }

    /**
     * The reviews of many batches' exceptions in one query (one round trip, as a readiness check must cost): the
     * standing decisions and the content hashes of the records behind the exceptions, as branches of one union.
     */
    public static Map<String, List<Review>> reviews(Tx tx, Map<String, List<ReviewException>> exceptions, AsOf at) {
        Set<RecordRef> evidence = exceptions.values().stream().flatMap(List::stream)
                .flatMap(x -> x.records().stream()).map(Evidence::record).collect(Collectors.toSet());
        Map<String, Object> params = new HashMap<>(at.parameters());
        params.put("batches", List.copyOf(exceptions.keySet()));
        List<String> branches = hashBranches(evidence, at, params, ", null AS decision");
        branches.add(DECISION_ROWS.replace("VALID_D", at.predicate("d")).replace("VALID_S", at.predicate("s"))
                .replace("VALID_W", at.predicate("w")));
        Map<RecordRef, String> hashes = new HashMap<>();
        Map<Long, Decision> bySeq = new java.util.TreeMap<>();
        tx.run("CALL () { " + String.join(" UNION ALL ", branches) + " } RETURN type, k, hash, decision", params)
                .list().forEach(r -> {
                    if (r.get("decision").isNull()) {
                        hashes.put(new RecordRef(RecordType.valueOf(r.get("type").asString()), r.get("k").asString()),
                                r.get("hash").asString(null));
                    } else {
                        org.neo4j.driver.Value d = r.get("decision");
                        bySeq.put(d.get("seq").asLong(), new Decision(d.get("key").asString(), d.get("id").asString(),
                                d.get("evidence").asString(), d.get("decision").asString(),
                                d.get("comment").asString(null), d.get("deviation").asString(null),
                                d.get("signature").asString(), d.get("by").asString(null), d.get("at").isNull() ? null
                                : org.batchledger.schema.json.CanonicalJson.parseInstant(d.get("at").asString())));
                    }
                });
        return matched(exceptions, hashes, List.copyOf(bySeq.values()));
    }

    /** Each exception with the decision on its very evidence, if any, and those on earlier evidence. */
    private static Map<String, List<Review>> matched(Map<String, List<ReviewException>> exceptions,
                                                     Map<RecordRef, String> hashes, List<Decision> decisions) {
        Map<String, List<Decision>> byId = decisions.stream()
                .collect(Collectors.groupingBy(Decision::exceptionId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Review>> out = new LinkedHashMap<>();
        exceptions.forEach((batch, list) -> out.put(batch, list.stream().map(x -> {
            String evidence = evidenceSha256(x, hashes);
            List<Decision> all = byId.getOrDefault(x.id(), List.of());
            return new Review(x, evidence, all.stream().filter(d -> evidence.equals(d.evidenceSha256()))
                    .findFirst(), all.stream().filter(d -> !evidence.equals(d.evidenceSha256())).toList());
        }).toList()));
        return out;
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
        Map<RecordRef, String> out = new HashMap<>();
        Map<String, Object> params = new HashMap<>(at.parameters());
        List<String> branches = hashBranches(refs, at, params, "");
        if (branches.isEmpty()) {
            return out;
        }
        tx.run("CALL () { " + String.join(" UNION ALL ", branches) + " } RETURN type, k, hash", params).list()
                .forEach(r -> out.put(new RecordRef(RecordType.valueOf(r.get("type").asString()),
                        r.get("k").asString()), r.get("hash").asString(null)));
        return out;
    }

    /** One union branch per record type returning {@code type, k, hash} (then {@code extra}); adds its parameters. */
    private static List<String> hashBranches(Collection<RecordRef> refs, AsOf at, Map<String, Object> params,
                                             String extra) {
        Map<RecordType, List<String>> byType = refs.stream().collect(Collectors.groupingBy(RecordRef::type,
                Collectors.mapping(RecordRef::key, Collectors.toList())));
        List<RecordType> types = new ArrayList<>(byType.keySet());
        types.sort(Comparator.naturalOrder());
        List<String> branches = new ArrayList<>();
        for (RecordType type : types) {
            String match = type.isRelationship() ? "()-[n:" + type.graphName() + " {key: k}]->()"
                    : "(n:" + type.graphName() + " {key: k})";
            params.put("k" + type.ordinal(), byType.get(type));
            branches.add("UNWIND $k" + type.ordinal() + " AS k MATCH " + match + " WHERE " + at.predicate("n")
                    + " RETURN '" + type.name() + "' AS type, k, n.contentHash AS hash" + extra);
        }
        return branches;
    }
}
