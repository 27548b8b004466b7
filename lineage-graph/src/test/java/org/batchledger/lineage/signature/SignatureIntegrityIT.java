package org.batchledger.lineage.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.signature.BatchToSign.OPERATOR;
import static org.batchledger.lineage.signature.BatchToSign.STEP;
import static org.batchledger.schema.record.Signature.SignatureMeaning.PERFORMED;

import java.nio.file.Path;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.ledger.verify.Tampering;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signature cannot be edited, moved or copied to another record behind the hub's back: each tamper below is what
 * someone with database access would do in raw Cypher, and ledger verification names the signature (or the
 * record it was copied to). The signature of Olivia Operator on step record t:SR1 is entry 11.
 */
@Tag("REQ-SIGNATURE-022")
class SignatureIntegrityIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final Tampering attacker = new Tampering(NEO4J.db());
    @TempDir
    Path keys;
    private String key;

    @BeforeEach
    void signedStep() {
        NEO4J.clean();
        key = new BatchToSign(NEO4J.db()).write().sign(OPERATOR, STEP, PERFORMED).signature().key();
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void anEditedMeaningIsReported() {
        attacker.run("MATCH (s:Signature) SET s.meaning = 'REVIEWED'");

        assertNamesTheSignature(verify());
    }

    @Test
    void anEditedPrintedNameOrTimeIsReported() {
        attacker.run("MATCH (s:Signature) SET s.printedName = 'Rita Reviewer', s.signedAt = '2026-01-01T00:00:00Z'");

        assertNamesTheSignature(verify());
    }

    @Test
    void aSignatureReboundToAnotherVersionsHashIsReported() {
        attacker.run("MATCH (s:Signature), (n:StepRecord {key: 't:SR2'}) SET s.signedContentHash = n.contentHash");

        assertNamesTheSignature(verify());
    }

    @Test
    void aSignatureMovedToAnotherRecordIsReported() {
        attacker.run("""
                MATCH (s:Signature)-[r:SIGNS]->() DELETE r
                WITH s MATCH (n:StepRecord {key: 't:SR2', version: 1})
                SET s.signs = 'StepRecord:t:SR2', s.signedContentHash = n.contentHash
                CREATE (s)-[:SIGNS]->(n)""");

        assertNamesTheSignature(verify());
    }

    @Test
    void aSignatureCopiedToAnotherRecordIsReported() {
        attacker.run("""
                MATCH (s:Signature), (n:StepRecord {key: 't:SR2', version: 1})
                WITH s, n, properties(s) AS p
                CREATE (c:Signature) SET c = p {.*, key: s.key + '-copy', signs: 'StepRecord:t:SR2',
                    signedContentHash: n.contentHash}
                CREATE (c)-[:SIGNS]->(n)""");

        LedgerReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches().toString() + report.problems()).contains(key + "-copy");
    }

    @Test
    void aSecondSignsEdgeToAnotherRecordIsReported() {
        attacker.run("MATCH (s:Signature), (n:StepRecord {key: 't:SR2', version: 1}) CREATE (s)-[:SIGNS]->(n)");

        LedgerReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches().toString() + report.problems()).contains("SIGNS");
    }

    private void assertNamesTheSignature(LedgerReport report) {
        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches()).as("%s", report.problems())
                .anySatisfy(m -> assertThat(m.entityKey()).isEqualTo(key));
    }

    private LedgerReport verify() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
    }
}
