package org.batchledger.hub.evidence.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything the report shows, as the exporter collected it. The renderer checks it before writing a byte and fails
 * with a {@link ReportInputException} naming the field by JSON pointer.
 *
 * @param scope            what the package covers
 * @param subjectId        the batch or recall id the package was exported for
 * @param subjectLabel     a human label for it (e.g. the batch number and product)
 * @param origin           the log origin (the checkpoint's first line)
 * @param asOf             the checkpoint the inclusion proofs are against
 * @param latest           the newest checkpoint, to which the consistency proof runs
 * @param generatedAt      when the package was exported (also the PDF's creation date)
 * @param generatedBy      who exported it (printed name and user id)
 * @param verifierCommand  the command an inspector runs to verify the package offline
 * @param records          every record in the package, in the order to print
 * @param genealogy        the genealogy's counts and upstream list
 * @param sources          the source-file index
 * @param manifestJson     the exact manifest bytes, attached to the PDF
 * @param manifestFileName the manifest's name inside the package (e.g. {@code manifest.json})
 */
public record EvidenceReport(Scope scope, String subjectId, String subjectLabel, String origin, ReportCheckpoint asOf,
        ReportCheckpoint latest, Instant generatedAt, String generatedBy, String verifierCommand,
        List<ReportRecord> records, GenealogySummary genealogy, List<SourceFileLine> sources, byte[] manifestJson,
        String manifestFileName) {

    /** What an evidence package is exported for. */
    public enum Scope { BATCH, RECALL }

    public EvidenceReport {
        records = Lists.copy(records);
        sources = Lists.copy(sources);
        manifestJson = manifestJson == null ? null : manifestJson.clone();
    }

    @Override
    public byte[] manifestJson() {
        return manifestJson == null ? null : manifestJson.clone();
    }
}
