/**
 * The evidence package's human-readable report: PDF/A-3u rendered with plain PDFBox from its own input model
 * ({@link org.batchledger.hub.evidence.report.EvidenceReport}), with the package manifest attached as an associated
 * file. Self-contained so the exporter only maps its data onto the model; nothing here reads the store.
 */
package org.batchledger.hub.evidence.report;
