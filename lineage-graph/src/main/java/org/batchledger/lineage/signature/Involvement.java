package org.batchledger.lineage.signature;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.Corrections;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * Who had a hand in some records: the standing signatures on them (a withdrawn signature stands for nothing, see
 * {@code SignatureStates}), who recorded any of their versions, who is named as having performed them (step
 * records, cleanings and calibrations: performedBy; test results: analyst) and who corrected them (from the
 * ledger). People are matched as {@link Actor#isNamed} matches them: by subject, printed name or a name they are
 * known by (their login username, their MES username), as records name them any of these ways.
 */
final class Involvement {
    /** A standing signature on one of the records. */
    record Signed(RecordRef record, String signer, SignatureMeaning meaning, String contentHash) {
    }

    // Labels come from the RecordType allow-list; edges are on version 1, names on any version.
    private static final String SIGNATURES = """
            UNWIND $keys AS key
            MATCH (:%s {key: key, version: 1})<-[:SIGNS]-(s:Signature)
            WHERE NOT EXISTS { (s)<-[:WITHDRAWS]-(:SignatureWithdrawal) }
            RETURN key, s.signerSubject AS signer, s.meaning AS meaning, s.signedContentHash AS hash""";
    private static final String NAMES = """
            UNWIND $keys AS key
            MATCH (n:%s {key: key})
            RETURN key, collect(DISTINCT n.recordedBy) AS recorders,
                   collect(DISTINCT coalesce(n.performedBy, n.analyst)) AS performers""";
    private static final String BATCH_RECORDS = """
            MATCH (b:Batch {key: $batch, version: 1})
            RETURN [(b)<-[:IN]-(s:StepRecord) | s.key] AS steps,
                   [(b)<-[:ON]-(t:TestResult) | t.key] AS results""";

    private final List<Signed> signatures;
    private final Map<RecordRef, Set<String>> recorders;
    private final Map<RecordRef, Set<String>> performers;
    private final Map<RecordRef, Set<String>> correctors;

    private Involvement(List<Signed> signatures, Map<RecordRef, Set<String>> recorders,
                        Map<RecordRef, Set<String>> performers, Map<RecordRef, Set<String>> correctors) {
        this.signatures = signatures;
        this.recorders = recorders;
        this.performers = performers;
        this.correctors = correctors;
    }

    /** The batch's own record, its step records and the test results on it. */
    static List<RecordRef> recordsOfBatch(Tx tx, String batchKey) {
        List<RecordRef> refs = new ArrayList<>(List.of(new RecordRef(RecordType.BATCH, batchKey)));
        tx.run(BATCH_RECORDS, Map.of("batch", batchKey)).list().forEach(r -> {
            r.get("steps").asList(v -> v.asString()).forEach(k -> refs.add(new RecordRef(RecordType.STEP_RECORD, k)));
            r.get("results").asList(v -> v.asString()).forEach(k -> refs.add(new RecordRef(RecordType.TEST_RESULT, k)));
        });
        return refs;
    }

    /** Reads everything about {@code records} in one query per record type and kind, plus one ledger read. */
    static Involvement of(Tx tx, Collection<RecordRef> records) {
        Map<RecordType, List<String>> byType = records.stream().distinct().collect(Collectors.groupingBy(
                RecordRef::type, Collectors.mapping(RecordRef::key, Collectors.toList())));
        List<Signed> signatures = new ArrayList<>();
        Map<RecordRef, Set<String>> recorders = new HashMap<>();
        Map<RecordRef, Set<String>> performers = new HashMap<>();
        byType.forEach((type, keys) -> {
            tx.run(SIGNATURES.formatted(type.graphName()), Map.of("keys", keys)).list().forEach(r -> signatures.add(
                    new Signed(new RecordRef(type, r.get("key").asString()), r.get("signer").asString(null),
                            SignatureMeaning.valueOf(r.get("meaning").asString()), r.get("hash").asString(null))));
            tx.run(NAMES.formatted(type.graphName()), Map.of("keys", keys)).list().forEach(r -> {
                RecordRef ref = new RecordRef(type, r.get("key").asString());
                recorders.put(ref, names(r.get("recorders").asList(v -> v.asString(null))));
                performers.put(ref, names(r.get("performers").asList(v -> v.asString(null))));
            });
        });
        return new Involvement(signatures, recorders, performers, Corrections.correctors(tx, records));
    }

    List<Signed> signatures() {
        return signatures;
    }

    /** Whether the person signed a record with PERFORMED or is named as its performer. */
    boolean performed(RecordRef record, Person p) {
        return signatures.stream().anyMatch(s -> s.record().equals(record) && s.meaning() == SignatureMeaning.PERFORMED
                && p.isSigner(s.signer())) || p.isAnyOf(performers.getOrDefault(record, Set.of()));
    }

    boolean recorded(RecordRef record, Person p) {
        return p.isAnyOf(recorders.getOrDefault(record, Set.of()));
    }

    boolean corrected(RecordRef record, Person p) {
        return correctors.getOrDefault(record, Set.of()).contains(p.subject());
    }

    private static Set<String> names(List<String> values) {
        Set<String> names = new HashSet<>();
        values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> names.add(v.strip()));
        return names;
    }

    /** A signer as records may name them: the token's subject, the printed name or a name they are known by. */
    record Person(Actor who) {
        static Person of(Actor actor) {
            return new Person(actor);
        }

        String subject() {
            return who.subject();
        }

        boolean isAnyOf(Set<String> names) {
            return names.stream().anyMatch(who::isNamed);
        }

        /** A signature's signer is the hub's user subject or, for an ingested signature, a name as the MES has it. */
        boolean isSigner(String signer) {
            return who.isNamed(signer);
        }
    }
}
