package org.batchledger.lineage.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.signature.BatchToSign.BATCH;
import static org.batchledger.lineage.signature.BatchToSign.DEVIATION;
import static org.batchledger.lineage.signature.BatchToSign.OPERATOR;
import static org.batchledger.lineage.signature.BatchToSign.OPERATOR2;
import static org.batchledger.lineage.signature.BatchToSign.OPERATOR_REVIEWER;
import static org.batchledger.lineage.signature.BatchToSign.RELEASER;
import static org.batchledger.lineage.signature.BatchToSign.REVIEWER;
import static org.batchledger.lineage.signature.BatchToSign.REVIEWER2;
import static org.batchledger.lineage.signature.BatchToSign.STEP;
import static org.batchledger.lineage.signature.BatchToSign.STEP2;
import static org.batchledger.lineage.signature.BatchToSign.request;
import static org.batchledger.schema.record.Signature.SignatureMeaning.AUDIT_TRAIL_REVIEWED;
import static org.batchledger.schema.record.Signature.SignatureMeaning.PERFORMED;
import static org.batchledger.schema.record.Signature.SignatureMeaning.RELEASED;
import static org.batchledger.schema.record.Signature.SignatureMeaning.REVIEWED;
import static org.batchledger.schema.record.Signature.SignatureMeaning.VERIFIED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** sign through the unit of work: what a signature carries, and every rule that refuses one (nothing written). */
@Tag("REQ-SIGNATURE-005")
class SigningIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private BatchToSign plant;

    @BeforeEach
    void batch() {
        NEO4J.clean();
        plant = new BatchToSign(NEO4J.db()).write();
    }

    @Test
    void aSignatureCarriesPrintedNameServerTimeMeaningAndReasonBoundToTheCurrentVersionsHash() {
        Instant before = Instant.now();
        Signing.Signed signed = plant.sign(OPERATOR, STEP, PERFORMED);

        Signature s = signed.signature();
        assertThat(s.printedName()).isEqualTo("Olivia Operator");
        assertThat(s.signerSubject()).isEqualTo("sub-op");
        assertThat(s.meaning()).isEqualTo(PERFORMED);
        assertThat(s.reason()).isEqualTo("reviewed against the master record");
        assertThat(s.signedAt()).isBetween(before.minusMillis(1), Instant.now());
        assertThat(s.capturedIn()).isNull();
        assertThat(s.signs()).isEqualTo(STEP);
        assertThat(s.signedContentHash()).isEqualTo(contentHash(STEP));
        assertThat(signed.seq()).isEqualTo(11);
        var entry = new LedgerReads(NEO4J.db()).auditTrail(RecordType.SIGNATURE, s.key(), new PageRequest(5, null))
                .items().getFirst();
        assertThat(entry.action()).isEqualTo("CREATE");
        assertThat(entry.seq()).isEqualTo(11);
        String signedKey = NEO4J.db().read(tx -> tx.run(
                "MATCH (:Signature {key: $k})-[:SIGNS]->(n:StepRecord) RETURN n.key AS k", Map.of("k", s.key()))
                .single().get("k").asString());
        assertThat(signedKey).isEqualTo("t:SR1");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameSignatureAndWritesNothingMore() {
        SignRequest request = request(OPERATOR, STEP, PERFORMED, Instant.now());
        Signing.Signed first = plant.signing.sign(request);
        Signing.Signed again = plant.signing.sign(request);

        assertThat(again.replayed()).isTrue();
        assertThat(again.signature()).isEqualTo(first.signature());
        assertThat(plant.snapshot().getFirst()).isEqualTo(11);
    }

    @Test
    @Tag("REQ-SIGNATURE-020")
    void anUnknownRecordIsRefusedNamingTheRule() {
        refused(() -> plant.sign(OPERATOR, new RecordRef(RecordType.STEP_RECORD, "t:nope"), PERFORMED), "SIG-RECORD");
    }

    @Test
    @Tag("REQ-SIGNATURE-020")
    void aSignatureOrAWithdrawalIsNotSigned() {
        Signature s = plant.sign(OPERATOR, STEP, PERFORMED).signature();
        refused(() -> plant.sign(REVIEWER, RecordRef.of(s), REVIEWED), "SIG-ON-SIGNATURE");
    }

    @Test
    @Tag("REQ-SIGNATURE-020")
    void aVersionCorrectedSinceTheSignerSawItIsRefusedAndTheCurrentOneSigns() {
        String seen = contentHash(STEP);
        plant.correct(OPERATOR, STEP, Map.of("value", "125"));

        refused(() -> plant.signing.sign(new SignRequest(STEP, PERFORMED, null, seen, OPERATOR, Instant.now(),
                UUID.randomUUID().toString())), "SIG-SUPERSEDED");
        Signature s = plant.signing.sign(new SignRequest(STEP, PERFORMED, null, contentHash(STEP), OPERATOR,
                Instant.now(), UUID.randomUUID().toString())).signature();
        assertThat(s.signedContentHash()).isEqualTo(contentHash(STEP)).isNotEqualTo(seen);
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    void aMeaningTheSignersRoleMayNotUseIsForbidden() {
        SignatureRefusedException e = refused(() -> plant.sign(OPERATOR, BATCH, REVIEWED), "SIG-MEANING-ROLE");
        assertThat(e.rule().kind()).isEqualTo(RefusalRule.Kind.FORBIDDEN);
        assertThat(e.rule().text()).contains("qa-reviewer");
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    void aMeaningOnARecordTypeItDoesNotApplyToOrOneOnlyDispositionGivesIsABadRequest() {
        assertThat(refused(() -> plant.sign(REVIEWER, DEVIATION, AUDIT_TRAIL_REVIEWED), "SIG-MEANING-RECORD")
                .rule().kind()).isEqualTo(RefusalRule.Kind.BAD_REQUEST);
        refused(() -> plant.sign(RELEASER, BATCH, RELEASED), "SIG-MEANING-COMMAND");
    }

    @Test
    @Tag("REQ-SIGNATURE-006")
    void withoutAnAuthenticationWithinTheWindowTheSignatureNeedsReauthentication() {
        Instant old = Instant.now().minus(BatchToSign.WINDOW).minusSeconds(5);
        SignatureRefusedException e = refused(() -> plant.signing.sign(request(OPERATOR, STEP, PERFORMED, old)),
                "SIG-REAUTH");
        assertThat(e.rule().kind()).isEqualTo(RefusalRule.Kind.REAUTHENTICATION);
        assertThat(e.details()).containsEntry("window", "PT5M").containsEntry("authTime", old.toString());
        refused(() -> plant.signing.sign(request(OPERATOR, STEP, PERFORMED, null)), "SIG-REAUTH");
        refused(() -> plant.signing.sign(request(OPERATOR, STEP, PERFORMED, Instant.now().plus(Duration.ofMinutes(2)))),
                "SIG-REAUTH");
        assertThat(plant.signing.sign(request(OPERATOR, STEP, PERFORMED, Instant.now().minusSeconds(280)))
                .signature()).isNotNull();
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    void noOneVerifiesOrReviewsAStepTheyPerformed() {
        plant.sign(OPERATOR, STEP, PERFORMED);

        refused(() -> plant.sign(OPERATOR, STEP, VERIFIED), "SIG-SOD-REVIEW-OWN");
        assertThat(plant.sign(OPERATOR2, STEP, VERIFIED).signature().meaning()).isEqualTo(VERIFIED);
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    void noOneReviewsARecordTheyCorrectedOrRecorded() {
        plant.correct(REVIEWER, STEP, Map.of("lowerLimit", 90.0));
        refused(() -> plant.sign(REVIEWER, STEP, REVIEWED), "SIG-SOD-REVIEW-OWN");

        RecordRef own = new RecordRef(RecordType.DEVIATION, "t:D2");
        plant.writeAlso(new Deviation(own.key(), "Sieve torn", Deviation.Severity.MINOR, Deviation.DeviationStatus.OPEN,
                List.of(BATCH), SmallPlant.T0, null, new Provenance("hub:ui-client", null, "sub-qa2", SmallPlant.T0,
                SmallPlant.T0)));
        refused(() -> plant.sign(REVIEWER2, own, REVIEWED), "SIG-SOD-REVIEW-OWN");
        assertThat(plant.sign(REVIEWER, own, REVIEWED).signature()).isNotNull();
        assertThat(plant.sign(REVIEWER2, STEP, REVIEWED).signature()).isNotNull();
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    void thePerformerOfABatchIsNotItsReviewerEvenOnAnotherRecordOfIt() {
        plant.sign(OPERATOR_REVIEWER, STEP, PERFORMED);

        SignatureRefusedException e = refused(() -> plant.sign(OPERATOR_REVIEWER, BATCH, REVIEWED),
                "SIG-SOD-THREE-PEOPLE");
        assertThat(e.rule().text()).contains("performer");
        refused(() -> plant.sign(OPERATOR_REVIEWER, STEP2, REVIEWED), "SIG-SOD-THREE-PEOPLE");
        assertThat(plant.sign(REVIEWER, BATCH, REVIEWED).signature()).isNotNull();
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    void theReleaserOfABatchIsNotItsReviewer() {
        plant.writeAlso(new Signature("t:REL", BATCH, contentHash(BATCH), "sub-rel", "Rosa Releaser", RELEASED,
                "released", SmallPlant.T0.plusSeconds(9000), null, SmallPlant.provenance("rel")));

        SignatureRefusedException e = refused(() -> plant.sign(RELEASER, BATCH, AUDIT_TRAIL_REVIEWED),
                "SIG-SOD-THREE-PEOPLE");
        assertThat(e.rule().text()).contains("releaser");
    }

    @Test
    @Tag("REQ-SIGNATURE-007")
    @Tag("REQ-SIGNATURE-010")
    void theAuditTrailReviewerCorrectedNoneOfTheBatchsRecords() {
        plant.correct(REVIEWER, STEP2, Map.of("upperLimit", 160.0));

        refused(() -> plant.sign(REVIEWER, BATCH, AUDIT_TRAIL_REVIEWED), "SIG-SOD-AUDIT-TRAIL");
        assertThat(plant.sign(REVIEWER2, BATCH, AUDIT_TRAIL_REVIEWED).signature().meaning())
                .isEqualTo(AUDIT_TRAIL_REVIEWED);
    }

    @Test
    @Tag("REQ-SIGNATURE-020")
    void oneSignerSignsOneVersionWithOneMeaningOnce() {
        plant.sign(OPERATOR, STEP, PERFORMED);
        refused(() -> plant.sign(OPERATOR, STEP, PERFORMED), "SIG-ONCE");
    }

    @Test
    @Tag("REQ-SIGNATURE-021")
    void aWithdrawnSignatureCountsForNothingTheSignerMaySignAgainAndTakeAnotherDuty() {
        Signature performed = plant.sign(OPERATOR_REVIEWER, BATCH, PERFORMED).signature();
        refused(() -> plant.sign(OPERATOR_REVIEWER, BATCH, PERFORMED), "SIG-ONCE");
        new SignatureWithdrawals(plant.unitOfWork, java.time.Clock.systemUTC()).withdraw(new WithdrawalRequest(
                performed.key(), "signed the wrong batch", OPERATOR_REVIEWER, UUID.randomUUID().toString()));

        assertThat(plant.sign(OPERATOR_REVIEWER, BATCH, REVIEWED).signature().meaning()).isEqualTo(REVIEWED);
    }

    private SignatureRefusedException refused(ThrowingCallable sign, String rule) {
        List<Long> before = plant.snapshot();
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SignatureRefusedException.class, sign);
        assertThat(thrown).as("refused by " + rule).isNotNull();
        assertThat(thrown.rule().id()).isEqualTo(rule);
        assertThat(plant.snapshot()).as("nothing written").isEqualTo(before);
        return thrown;
    }

    private static String contentHash(RecordRef ref) {
        return NEO4J.db().read(tx -> tx.run("MATCH (n:" + ref.type().graphName()
                + " {key: $k}) WHERE n.supersededAtSeq IS NULL RETURN n.contentHash AS h", Map.of("k", ref.key()))
                .single().get("h").asString());
    }
}
