package org.batchledger.hub.evidence.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** A batch of about 2,000 records renders in seconds, and the long report is still PDF/A-3u. */
@Tag("REQ-EVIDENCE-003")
@Tag("REQ-EVIDENCE-036")
class EvidenceReportScaleTest {

    @Test
    void twoThousandRecordsRenderInSecondsAndStayCompliant() throws Exception {
        EvidenceReportRenderer renderer = new EvidenceReportRenderer();
        renderer.render(ReportFixtures.many(50)); // class loading and font parsing, not the figure
        EvidenceReport big = ReportFixtures.many(2000);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        byte[] pdf = renderer.render(big);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;

        ReportText read = ReportText.of(pdf);
        System.out.printf("evidence report: 2000 records, %d pages, %d KiB, rendered in %d ms (%d ms CPU)%n",
                read.pages(), pdf.length / 1024, millis, cpuMillis);
        // a generous bound for a shared 2-core CI machine; about 0.2 s of CPU here
        assertThat(millis).as("render time, ms").isLessThan(10_000);
        assertThat(read.count("Weighing W-")).isEqualTo(2000);
        VeraPdf.Verdict v = VeraPdf.validate(pdf, PDFAFlavour.PDFA_3_U);
        assertThat(v.failures()).isEmpty();
        assertThat(v.compliant()).isTrue();
    }
}
