package org.batchledger.ingest.animl;

import java.util.Map;
import java.util.Set;

/**
 * The parent each structural element of AnIML core 0.90 must have (from the schema's content models). A file
 * that breaks one is refused: a Series outside a SeriesSet has no length, no dependency and no place in a result.
 * Elements not listed are left to the schema's validators; this adapter reads them leniently.
 */
final class AnimlStructure {
    static final String NAMESPACE = "urn:org:astm:animl:schema:core:draft:0.90";

    private static final Map<String, Set<String>> PARENTS = Map.ofEntries(
            Map.entry("SampleSet", Set.of("AnIML")),
            Map.entry("ExperimentStepSet", Set.of("AnIML", "Result")),
            Map.entry("AuditTrailEntrySet", Set.of("AnIML")),
            Map.entry("SignatureSet", Set.of("AnIML")),
            Map.entry("Sample", Set.of("SampleSet")),
            Map.entry("ExperimentStep", Set.of("ExperimentStepSet")),
            Map.entry("Template", Set.of("ExperimentStepSet")),
            Map.entry("Technique", Set.of("ExperimentStep", "Template")),
            Map.entry("Infrastructure", Set.of("ExperimentStep", "Template")),
            Map.entry("Method", Set.of("ExperimentStep", "Template")),
            Map.entry("Result", Set.of("ExperimentStep", "Template")),
            Map.entry("SeriesSet", Set.of("Result", "Category")),
            Map.entry("Series", Set.of("SeriesSet")),
            Map.entry("IndividualValueSet", Set.of("Series")),
            Map.entry("EncodedValueSet", Set.of("Series")),
            Map.entry("AutoIncrementedValueSet", Set.of("Series")),
            Map.entry("Category", Set.of("Sample", "Category", "Result", "Method")),
            Map.entry("Parameter", Set.of("Category")),
            Map.entry("Author", Set.of("Method", "AuditTrailEntry")),
            Map.entry("Device", Set.of("Method")),
            Map.entry("Timestamp", Set.of("Infrastructure", "AuditTrailEntry")));

    private AnimlStructure() {
    }

    /** The parents allowed for {@code element}, or null when this adapter does not check it. */
    static Set<String> allowedParents(String element) {
        return PARENTS.get(element);
    }
}
