package org.batchledger.schema.record;

import java.time.Instant;
import java.util.List;

/**
 * A deviation and the batches, lots or equipment it impacts. Its status moves only through the deviation workflow;
 * starting the investigation classifies it and stores the impact assessment from the genealogy.
 *
 * @param classification   what kind of deviation it is; null until the investigation starts
 * @param impactAssessment the other batches that used the same lots or equipment as what it impacts, from the
 *                         genealogy when the investigation started; null until then
 */
public record Deviation(String key, String title, Severity severity, DeviationStatus status, List<RecordRef> impacts,
                        Instant openedAt, Instant closedAt, Classification classification,
                        List<RecordRef> impactAssessment, Provenance provenance) implements LedgerRecord {
    public enum Severity { MINOR, MAJOR, CRITICAL }

    public enum DeviationStatus { OPEN, UNDER_INVESTIGATION, CAPA_REQUIRED, CLOSED }

    public enum Classification { EQUIPMENT, PROCESS, MATERIAL, LABORATORY, DOCUMENTATION, PERSONNEL, FACILITY, OTHER }

    /** The canonical constructor is the one JSON binding uses (there is a second one for unclassified deviations). */
    @jakarta.json.bind.annotation.JsonbCreator
    public Deviation {
        impacts = List.copyOf(impacts);
        impactAssessment = impactAssessment == null ? null : List.copyOf(impactAssessment);
        openedAt = Instants.millis(openedAt);
        closedAt = Instants.millis(closedAt);
    }

    /** A deviation not yet classified or assessed (as recorded or ingested). */
    public Deviation(String key, String title, Severity severity, DeviationStatus status, List<RecordRef> impacts,
                     Instant openedAt, Instant closedAt, Provenance provenance) {
        this(key, title, severity, status, impacts, openedAt, closedAt, null, null, provenance);
    }

    @Override
    public RecordType type() {
        return RecordType.DEVIATION;
    }
}
