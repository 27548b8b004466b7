/**
 * Canonical record types, one per node or genealogy edge of the lineage graph. Each carries a source-namespaced
 * business key and its {@link org.batchledger.schema.record.Provenance} (ALCOA+: attributable, contemporaneous,
 * original). Records are immutable facts: a correction is a new version, never an edit.
 */
package org.batchledger.schema.record;
