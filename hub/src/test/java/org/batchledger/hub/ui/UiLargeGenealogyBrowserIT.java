package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A 5,000-node genealogy in real headless Chromium: one raw-material lot consumed by {@value #FAN} batches, each making
 * an intermediate lot, all of which go into one packaging batch making a finished lot (4,999 nodes downstream of the
 * raw lot, 7,495 links). The recall page loads the whole trace; the lot page one hop; both fold the fan-out into a
 * group, open it a dozen at a time, expand nodes on demand, and answer clicks while showing it. The assertions are on
 * the DOM; the timings are printed, never a pass criterion.
 */
@Tag("REQ-UI-003")
@Tag("REQ-UI-040")
class UiLargeGenealogyBrowserIT extends SharedHubBrowserBase {
    static final int FAN = 2_498;
    static final int NODES = 2 * FAN + 3;
    private static final String NS = "big:";
    private static final String RAW_LOT = NS + "L0";
    private static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");
    private static final Provenance P = new Provenance("test:big-fan", null, "test", T0, T0);
    private static final String SUMMARY = "[data-testid=genealogy-summary]";

    @Test
    @Tag("REQ-UI-041")
    void theRecallPageLoadsAllFiveThousandNodesFoldsTheFanOutAndStaysResponsive() {
        ensureFan();
        browser.open("/ui/recall?lot=" + RAW_LOT);
        browser.logIn(user = "inspector");
        long start = System.nanoTime();
        assertThat(browser.await(By.cssSelector("[data-testid=recall-summary]")).getText()).contains(RAW_LOT, "affected");
        WebElement summary = loaded(NODES);
        System.out.printf("[ui-large] recall page: %d-node trace loaded and drawn in %d ms%n", NODES, (System.nanoTime() - start) / 1_000_000);
        int shown = Integer.parseInt(summary.getAttribute("data-shown"));
        assertThat(shown).as("drawn, not all %d", NODES).isLessThan(100);
        assertThat(Integer.parseInt(summary.getAttribute("data-folded"))).isEqualTo(FAN - 12);
        assertThat(browser.driver.findElements(By.cssSelector(".state.error"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=recall-items] tbody tr"))).hasSize(2);
        browser.await(By.cssSelector("[data-testid=genealogy-graph] canvas"));
        browser.screenshot("genealogy-5000-recall");

        // the table of what is drawn: the fan-out as one group, opened twelve at a time
        browser.await(By.cssSelector(".node-table summary")).click();
        WebElement group = browser.await(By.cssSelector("[data-testid=genealogy-table] tr[data-kind=Aggregate]"));
        assertThat(group.getText()).contains("+" + (FAN - 12) + " more batches");
        openGroup(FAN - 24);
        assertThat(Integer.parseInt(browser.driver.findElement(By.cssSelector(SUMMARY)).getAttribute("data-shown")))
                .as("12 more batches and the 12 lots they made").isEqualTo(shown + 24);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=genealogy-table] tr[data-node='Lot:" + NS + "L1']")))
                .as("the finished lot, reached through the shown branches").hasSize(1);
        browser.screenshot("genealogy-5000-opened");
    }

    @Test
    @Tag("REQ-UI-041")
    void theLotPageFoldsTwoThousandFiveHundredConsumersAndExpandsOneOnDemand() {
        ensureFan();
        browser.open("/ui/lot/" + RAW_LOT);
        browser.logIn(user = "operator");
        WebElement summary = loaded(FAN + 1);
        assertThat(Integer.parseInt(summary.getAttribute("data-folded"))).isEqualTo(FAN - 12);
        browser.await(By.cssSelector(".node-table summary")).click();
        assertThat(browser.await(By.cssSelector("[data-testid=genealogy-table] tr[data-kind=Aggregate]")).getText())
                .contains("+" + (FAN - 12) + " more batches");

        // progressive expansion: one consumer's downstream is fetched, its lot appears, the rest stays folded
        String first = "Batch:" + NS + "F0";
        long start = System.nanoTime();
        browser.await(By.cssSelector("[data-testid=genealogy-table] button[data-expand='" + first + "']")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=genealogy-table] tr[data-node='Lot:" + NS + "F0-out']")).size() == 1);
        System.out.printf("[ui-large] lot page: one node expanded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(browser.driver.findElement(By.cssSelector(SUMMARY)).getAttribute("data-loaded")).isEqualTo(String.valueOf(FAN + 2));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=genealogy-table] button[data-expand='" + first + "']"))).isEmpty();
        openGroup(FAN - 24);

        // a node opens its own page from the table
        browser.driver.findElement(By.cssSelector("[data-testid=genealogy-table] tr[data-node='" + first + "'] a")).click();
        assertThat(browser.await(By.id("batch-title")).getText()).isEqualTo("Batch " + NS + "F0");
        browser.screenshot("genealogy-5000-lot");
    }

    /** Waits until the genealogy has loaded this many nodes and is idle. */
    private WebElement loaded(int nodes) {
        browser.waiting().until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector(SUMMARY + "[data-busy=false]"));
            return !s.isEmpty() && String.valueOf(nodes).equals(s.getFirst().getAttribute("data-loaded"));
        });
        return browser.driver.findElement(By.cssSelector(SUMMARY));
    }

    /** Clicks the group's "Show 12 more" and waits for the group to count the rest: the page answered the click. */
    private void openGroup(int rest) {
        long start = System.nanoTime();
        browser.await(By.cssSelector("[data-testid=genealogy-table] tr[data-kind=Aggregate] button[data-open-group]")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-testid=genealogy-table] tr[data-kind=Aggregate]")).stream()
                .anyMatch(r -> r.getText().contains("+" + rest + " more batches")));
        System.out.printf("[ui-large] group opened by 12 in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The fan beside the demo plant, once per graph: raw lot L0 → batches F0..F{FAN-1} → lots Fi-out → packaging batch
     * J → finished lot L1, through the real write path.
     */
    private static void ensureFan() {
        Neo4jTestServer neo4j = Neo4jTestServer.shared();
        BulkLoader loader = new BulkLoader(neo4j.db(), neo4j.writer());
        String name = "ui-large-genealogy:fan=" + FAN;
        if (loader.started(name)) {
            return;
        }
        List<LedgerRecord> records = new ArrayList<>();
        records.add(new Material(NS + "RAW", "Microcrystalline cellulose", Material.MaterialKind.RAW_MATERIAL, "kg", P));
        records.add(new Material(NS + "INT", "Blend", Material.MaterialKind.INTERMEDIATE, "kg", P));
        records.add(new Material(NS + "FP", "Tablets 500 mg", Material.MaterialKind.FINISHED_PRODUCT, "each", P));
        records.add(lot("L0", "RAW"));
        records.add(batch("J", "FP", "PACKAGING"));
        for (int i = 0; i < FAN; i++) {
            String b = "F" + i;
            records.add(batch(b, "INT", "BLENDING"));
            records.add(new Consumption(NS + "c:L0>" + b, RAW_LOT, NS + b, 1.0, "kg", "charge", T0, P));
            records.add(lot(b + "-out", "INT"));
            records.add(new Production(NS + "p:" + b, NS + b, NS + b + "-out", 1.0, "kg", P));
            records.add(new Consumption(NS + "c:" + b + ">J", NS + b + "-out", NS + "J", 1.0, "kg", "charge", T0, P));
        }
        records.add(lot("L1", "FP"));
        records.add(new Production(NS + "p:J", NS + "J", NS + "L1", 1.0, "each", P));
        int chunk = 5_000;
        Stream<List<LedgerRecord>> chunks = Stream.iterate(0, i -> i < records.size(), i -> i + chunk)
                .map(i -> records.subList(i, Math.min(records.size(), i + chunk)));
        loader.load(name, chunks, Actor.system("test"), "5,000-node genealogy for the UI", records.size());
    }

    private static Lot lot(String name, String material) {
        return new Lot(NS + name, NS + material, Lot.LotStatus.IN_STOCK, 1.0, "kg", null, null, null, P);
    }

    private static Batch batch(String name, String product, String stage) {
        return new Batch(NS + name, NS + product, stage, Batch.BatchStatus.COMPLETED, null, null, null, P);
    }
}
