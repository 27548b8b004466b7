package org.batchledger.lineage.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Capa.CapaStatus;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a CAPA is signed like each of its transitions: the CAPA, the opener's APPROVED signature on it and the
 * {@code OPEN} transition in one write, only within the re-authentication window; a stale or unknown login is a typed
 * refusal naming WF-REAUTH, with nothing written.
 */
@Tag("REQ-WORKFLOW-030")
@Tag("REQ-WORKFLOW-031")
class CapaOpeningSignedIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final String DEVIATION = "rp:DEV-7";
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final CapaWorkflows capas = new CapaWorkflows(unitOfWork, CapaWorkflows.defaults(), Duration.ofMinutes(5),
            Clock.systemUTC());
    @TempDir
    Path keys;

    @BeforeEach
    void blockedBatchWithItsOpenDeviation() {
        NEO4J.clean();
        ReleasePlant.blocked().write(new RecordWriter(unitOfWork));
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
    }

    private static long size() {
        return NEO4J.db().read(LedgerHead::read).treeSize();
    }

    private CapaWorkflows.Opened open(Instant authenticatedAt) {
        return capas.open(new OpenCapaRequest("Replace punch set", "replace the punches of the press",
                List.of(DEVIATION), ReleasePlant.REVIEWER, authenticatedAt, UUID.randomUUID().toString()));
    }

    private static Map<String, Object> node(String label, String key) {
        return NEO4J.db().read(tx -> tx.run("MATCH (n:" + label + " {key: $k}) RETURN properties(n) AS p",
                Map.of("k", key)).single().get("p").asMap());
    }

    @Test
    void openingWritesTheCapaItsSignatureAndItsOpenTransitionInOneCommit() {
        long before = size();

        CapaWorkflows.Opened opened = open(Instant.now());

        assertThat(opened.seq()).as("CAPA, signature and transition: one write").isEqualTo(before + 3);
        assertThat(opened.capa().status()).isEqualTo(CapaStatus.OPENED);
        var t = opened.transition();
        assertThat(t.workflow()).isEqualTo("capa");
        assertThat(t.transition()).isEqualTo("OPEN");
        assertThat(t.fromState()).isNull();
        assertThat(t.toState()).isEqualTo("OPENED");
        assertThat(t.record()).isEqualTo(new RecordRef(RecordType.CAPA, opened.capa().key()));
        Map<String, Object> signature = node("Signature", t.signatureKey());
        assertThat(signature.get("meaning")).isEqualTo(SignatureMeaning.APPROVED.name());
        assertThat(signature.get("printedName")).isEqualTo("Quinn Reviewer");
        assertThat(signature.get("signedContentHash")).isEqualTo(CanonicalJson.contentHash(opened.capa()));
        assertThat(new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null).ok()).as("verifyLedger after a signed opening").isTrue();
        // the workflow goes on from the signed opening
        assertThat(capas.take(new TransitionRequest(opened.capa().key(), "IMPLEMENT", "punches replaced", null, null,
                ReleasePlant.AUDITOR, Instant.now(), UUID.randomUUID().toString())).capa().status())
                .isEqualTo(CapaStatus.IMPLEMENTED);
    }

    @Test
    void openingWithoutARecentAuthenticationIsRefusedNamingTheRuleAndWritesNothing() {
        for (Instant stale : new Instant[] {Instant.now().minus(Duration.ofMinutes(10)), null}) {
            long before = size();

            TransitionRefusedException e = catchThrowableOfType(TransitionRefusedException.class, () -> open(stale));

            assertThat(e).as("refused with auth time %s", stale).isNotNull();
            assertThat(e.rule().id()).isEqualTo("WF-REAUTH");
            assertThat(e.rule().kind()).isEqualTo(RefusalRule.Kind.REAUTHENTICATION);
            assertThat(e.details()).containsEntry("transition", "OPEN").containsEntry("windowSeconds", 300L);
            assertThat(size()).as("nothing written").isEqualTo(before);
            assertThat((long) NEO4J.db().read(tx -> tx.run("MATCH (c:Capa) RETURN count(c) AS n", Map.of()).single().get("n")
                    .asLong())).isZero();
        }
    }
}
