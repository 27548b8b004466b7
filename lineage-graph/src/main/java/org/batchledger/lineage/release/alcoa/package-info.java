/**
 * The ALCOA+ engine: rules per principle (Attributable, Legible, Contemporaneous, Original, Accurate, Complete,
 * Consistent, Enduring, Available, Traceable), evaluated over every record of one batch as the ledger stood at a
 * tree size. A rule set is data ({@code alcoa-rules-v2.json}: which rule IDs are in force, their severity, version
 * and parameters) mapped to rule implementations here ({@link org.batchledger.lineage.release.alcoa.RuleCatalog});
 * an unknown or repeated rule ID is refused when the set is loaded. {@link org.batchledger.lineage.release.alcoa.AlcoaEngine}
 * reads the batch's records in a fixed number of queries, whatever their count, and scores each principle.
 */
package org.batchledger.lineage.release.alcoa;
