package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport.RecordMismatch;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-LEDGER-010, REQ-PERF-004: the whole graph is bound to the ledger. Each test tampers with the graph in raw
 * Cypher, as a
 * database-only attacker would, leaving the ledger itself intact, and verification must fail naming the record,
 * edge or field and the entry. The plant: two granulation steps (entries 1..14), a test result on lot
 * {@code t:LOT-OUT-1} (15) and a deviation impacting batch {@code t:B-1} (16), then two corrections of that lot
 * (17, 19, versions 2 and 3) and one of the test result (18).
 */
@Tag("REQ-LEDGER-010")
@Tag("REQ-PERF-004")
class GraphBindingTamperIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final Tampering attacker = new Tampering(NEO4J.db());
    @TempDir
    Path keys;
    private NoteVerifier hubKey;

    @BeforeEach
    void plantWithCorrections() {
        NEO4J.clean();
        hubKey = NoteVerifier.of(SmallPlant.signer(keys).verifierKey());
        write(SmallPlant.step("-1"));
        write(SmallPlant.step("-2"));
        write(List.of(
                new TestResult("t:TR-1", new RecordRef(RecordType.LOT, "t:LOT-OUT-1"), null, "assay", "HPLC", "99.1", "%",
                        98.0, 102.0, TestResult.TestOutcome.PASS, SmallPlant.T0, "lab", SmallPlant.provenance("tr")),
                new Deviation("t:DEV-1", "granulator overheated", Deviation.Severity.MAJOR,
                        Deviation.DeviationStatus.OPEN, List.of(new RecordRef(RecordType.BATCH, "t:B-1")),
                        SmallPlant.T0, null, SmallPlant.provenance("dev"))));
        correct(RecordType.LOT, "t:LOT-OUT-1", Map.of("quantity", 117.5));
        correct(RecordType.TEST_RESULT, "t:TR-1", Map.of("value", "99.3"));
        correct(RecordType.LOT, "t:LOT-OUT-1", Map.of("quantity", 117.0));
    }

    @Test
    void untamperedPlantWithCorrectionsVerifiesWithEveryRecordReplayed() {
        LedgerReport report = verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(19);
    }

    @Test
    void syntheticPlantOfEveryRecordTypeVerifiesAcrossPageBoundaries() {
        NEO4J.clean();
        SyntheticPlant plant = SyntheticPlant.of(7, PlantSize.TINY);
        new BulkLoader(NEO4J.db(), NEO4J.writer()).load("tiny", plant.chunks(500), SmallPlant.OPERATOR, "load", 0);
        Set<String> types = new BundleEntrySource(NEO4J.db()).page(0, Long.MAX_VALUE - 1, 100_000).stream()
                .map(LedgerEntry::entityType).collect(Collectors.toSet());

        LedgerReport report = new LedgerVerifier(NEO4J.db(), hubKey, null, new BundleEntrySource(NEO4J.db()), 97)
                .verify(null);

        assertThat(types).as("the plant has records of most types").hasSizeGreaterThan(10);
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void writesCommittedWhileVerifyingAreLeftForTheNextRunNotReported() {
        boolean[] once = new boolean[1];
        BundleEntrySource stored = new BundleEntrySource(NEO4J.db());
        EntrySource writingMeanwhile = (after, last, limit) -> {
            if (!once[0]) {
                once[0] = true;
                write(SmallPlant.step("-late"));
                correct(RecordType.LOT, "t:LOT-OUT-1", Map.of("quantity", 116.0));
            }
            return stored.page(after, last, limit);
        };

        LedgerReport report = new LedgerVerifier(NEO4J.db(), hubKey, null, writingMeanwhile, 4).verify(null);

        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.entriesChecked()).isEqualTo(19);
        assertThat(verify().entriesChecked()).isEqualTo(27);
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void entriesWrittenBeforeVersionsExistedStillBindTheVersionsThroughTheirPredecessors() {
        long entries = NEO4J.db().read(org.batchledger.lineage.ledger.LedgerHead::read).seq();
        for (long seq = 1; seq <= entries; seq++) {
            attacker.editEntry(seq, e -> new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                    e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(), e.actorRoles(),
                    e.actorClient(), e.reason(), e.commitId(), e.prevHash(), null));
        }
        attacker.rechain();

        assertThat(verify().ok()).isTrue();

        attacker.run("MATCH (l:Lot {key: 't:LOT-OUT-1', version: 2}) SET l.supersededAtSeq = 18");
        assertThat(mismatch(verify(), "t:LOT-OUT-1", 19L).reason())
                .contains("its previous version 2 has supersededAtSeq 18, the correction is entry 19");
    }

    @Test
    void deletedOnEdgeOfATestResultIsNamedWithItsRecordAndEntry() {
        attacker.run("MATCH (:TestResult {key: 't:TR-1', version: 1})-[r:ON]->() DELETE r");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(mismatch(report, "t:TR-1", 15L).reason()).contains("edge ON -> [Lot] t:LOT-OUT-1 v1 is missing");
        assertThat(report.problems()).contains("ON: the ledger implies 1 relationships, the store holds 0");
    }

    @Test
    void falseImpactsEdgeIsNamedAsExtraOnTheDeviation() {
        attacker.run("""
                MATCH (d:Deviation {key: 't:DEV-1'}), (b:Batch {key: 't:B-2', version: 1})
                CREATE (d)-[:IMPACTS]->(b)""");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(mismatch(report, "t:DEV-1", 16L).reason())
                .contains("edge IMPACTS -> [Batch] t:B-2 v1 is extra");
    }

    @Test
    void consumedInEdgeMovedToAnotherBatchWithItsPropertiesCopiedIsNamedByItsEnd() {
        attacker.run("""
                MATCH (l)-[c:CONSUMED_IN {key: 't:C-1'}]->()
                WITH l, c, properties(c) AS copied DELETE c
                WITH l, copied MATCH (b:Batch {key: 't:B-2', version: 1})
                CREATE (l)-[moved:CONSUMED_IN]->(b) SET moved = copied""");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(mismatch(report, "t:C-1", 6L).reason())
                .contains("its to end is [Batch] t:B-2 v1, the record names [Batch] t:B-1 v1");
    }

    @Test
    void currentRecordMarkedSupersededIsNamedByTheField() {
        attacker.run("MATCH (b:Batch {key: 't:B-1'}) SET b.supersededAtSeq = 12");

        assertThat(mismatch(verify(), "t:B-1", 4L).reason())
                .contains("property supersededAtSeq = 12 is extra");
    }

    @Test
    void supersededMarkRemovedFromACorrectedVersionIsNamedOnBothEntries() {
        attacker.run("MATCH (l:Lot {key: 't:LOT-OUT-1', version: 1}) REMOVE l.supersededAtSeq");

        LedgerReport report = verify();

        assertThat(mismatch(report, "t:LOT-OUT-1", 5L).reason())
                .contains("property supersededAtSeq is missing (the ledger implies 17)");
        assertThat(mismatch(report, "t:LOT-OUT-1", 17L).reason())
                .contains("its previous version 1 has supersededAtSeq null, the correction is entry 17");
    }

    @Test
    void nodeWithALedgerSeqOutsideTheLedgerIsNamed() {
        attacker.run("""
                MATCH (l:Lot {key: 't:LOT-IN-1'})
                CREATE (ghost:Lot) SET ghost = l {.*, key: 't:LOT-GHOST', ledgerSeq: 999}""");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(mismatch(report, "t:LOT-GHOST", 999L).reason()).contains("extra: ledgerSeq 999 is no entry in 1..19");
        assertThat(report.problems()).contains("Lot: the ledger implies 6 nodes, the store holds 7");
    }

    @Test
    void nodeClaimingTheEntryOfARecordOfAnotherTypeIsNamed() {
        attacker.run("""
                MATCH (b:Batch {key: 't:B-1'})
                CREATE (fake:Batch) SET fake = b {.*, key: 't:B-FAKE', status: 'RELEASED', ledgerSeq: 3}""");

        LedgerReport report = verify();

        assertThat(mismatch(report, "t:B-FAKE", 3L).reason())
                .contains("extra: it claims entry 3, which records Lot:t:LOT-IN-1");
    }

    @Test
    void nodeWithAVersionOutsideTheLedgerIsNamed() {
        attacker.run("MATCH (l:Lot {key: 't:LOT-IN-1'}) CREATE (copy:Lot) SET copy = l {.*, version: 7}");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(mismatch(report, "t:LOT-IN-1", 3L).reason()).contains("2 elements claim entry 3");
    }

    @Test
    void labelAddedToARecordNodeIsNamed() {
        attacker.run("MATCH (l:Lot {key: 't:LOT-IN-1'}) SET l:Batch");

        LedgerReport report = verify();

        assertThat(mismatch(report, "t:LOT-IN-1", 3L).reason())
                .contains("the ledger implies exactly [Lot]");
        assertThat(report.recordMismatches()).anySatisfy(m -> {
            assertThat(m.entityType()).isEqualTo("Batch");
            assertThat(m.entityKey()).isEqualTo("t:LOT-IN-1");
            assertThat(m.reason()).contains("carries labels");
        });
    }

    @Test
    void propertyAddedToARecordNodeIsNamed() {
        attacker.run("MATCH (b:Batch {key: 't:B-1'}) SET b.releasedBy = 'mallory'");

        assertThat(mismatch(verify(), "t:B-1", 4L).reason()).contains("property releasedBy = mallory is extra");
    }

    @Test
    void unledgeredNodeOfARecordLabelIsNamed() {
        attacker.run("CREATE (:Batch {key: 't:B-FAKE', status: 'RELEASED'})");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches()).anySatisfy(m -> {
            assertThat(m.entityType()).isEqualTo("Batch");
            assertThat(m.entityKey()).isEqualTo("t:B-FAKE");
            assertThat(m.ledgerSeq()).isNull();
            assertThat(m.reason()).contains("extra: ledgerSeq null is no entry");
        });
    }

    @Test
    void unledgeredNodeOfALabelThatIsNoRecordTypeIsNamed() {
        attacker.run("CREATE (:Release {key: 't:REL-1'})");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("label Release is no record type nor infrastructure")
                && p.contains("t:REL-1"));
    }

    @Test
    void unledgeredNodeWithoutAnyLabelIsNamed() {
        attacker.run("CREATE ({key: 't:NOBODY'})");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("node t:NOBODY") && p.contains("has labels []"));
    }

    @Test
    void edgeBetweenInfrastructureNodesIsNamed() {
        attacker.run("""
                MATCH (h:LedgerHead) MATCH (c:LedgerCommit) WITH h, c LIMIT 1
                CREATE (h)-[:SUPERSEDES {seq: 3}]->(c)""");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.startsWith("extra edge SUPERSEDES from [LedgerHead]"))
                .anyMatch(p -> p.startsWith("extra relationship SUPERSEDES from [LedgerHead]"));
    }

    @Test
    void edgeOfATypeNoRecordImpliesIsNamed() {
        attacker.run("""
                MATCH (b:Batch {key: 't:B-1', version: 1}), (l:Lot {key: 't:LOT-IN-2', version: 1})
                CREATE (b)-[:RELEASED_WITH]->(l)""");

        LedgerReport report = verify();

        assertThat(report.problems()).anyMatch(p -> p.contains("relationship type RELEASED_WITH is no record")
                && p.contains("t:B-1 -> [Lot] t:LOT-IN-2"));
        assertThat(mismatch(report, "t:B-1", 4L).reason()).contains("edge RELEASED_WITH -> [Lot] t:LOT-IN-2 v1 is extra");
    }

    @Test
    void replayQueriesArePerPageConstantSoVerificationIsLinearInTheLedger() {
        long[] pages = new long[1];
        long small = roundTripsOfAVerification(pages);
        write(SmallPlant.step("-3"));
        write(SmallPlant.step("-4"));
        write(SmallPlant.step("-5"));
        long smallPages = pages[0];
        pages[0] = 0;
        long larger = roundTripsOfAVerification(pages);

        // 19 entries are 5 pages of 4, 40 entries 10: each page is one entry read and one graph read
        assertThat(smallPages).isEqualTo(5);
        assertThat(pages[0]).isEqualTo(10);
        assertThat(larger - small).isEqualTo(5 * 2);
    }

    private long roundTripsOfAVerification(long[] pages) {
        BundleEntrySource stored = new BundleEntrySource(NEO4J.db());
        EntrySource counted = (after, last, limit) -> {
            pages[0]++;
            return stored.page(after, last, limit);
        };
        long before = NEO4J.db().roundTrips();
        assertThat(new LedgerVerifier(NEO4J.db(), hubKey, null, counted, 4).verify(null).ok()).isTrue();
        return NEO4J.db().roundTrips() - before;
    }

    private LedgerReport verify() {
        return new LedgerVerifier(NEO4J.db(), hubKey).verify(null);
    }

    private static RecordMismatch mismatch(LedgerReport report, String key, Long seq) {
        assertThat(report.ok()).isFalse();
        return report.recordMismatches().stream().filter(m -> key.equals(m.entityKey()) && seq.equals(m.ledgerSeq()))
                .findFirst().orElseThrow(() -> new AssertionError("no mismatch for " + key + " at entry " + seq
                        + " in " + report.recordMismatches() + " / " + report.problems()));
    }

    // Test results are corrected by QA only (CorrectionRules); the reviewer may correct every field used here.
    private static final org.batchledger.lineage.ledger.Actor REVIEWER = new org.batchledger.lineage.ledger.Actor(
            "sub-qa", "Quinn Reviewer", List.of("qa-reviewer"), "hub-cli");

    private static void write(List<? extends org.batchledger.schema.record.LedgerRecord> records) {
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch record"));
    }

    private static void correct(RecordType type, String key, Map<String, Object> changes) {
        new RecordCorrector(NEO4J.db(), new LedgerAppender(Clock.systemUTC())).correct(new CorrectionRequest(type,
                key, changes, REVIEWER, "transcription error", UUID.randomUUID().toString()));
    }
}
