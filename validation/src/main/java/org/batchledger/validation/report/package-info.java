/**
 * The validation report: one model (requirements, traces, clause matrix, findings, environment, input hashes), written
 * as HTML and as PDF/A-2b with PDFBox. Everything is sorted and nothing depends on the clock, so the same inputs give
 * the same bytes.
 */
package org.batchledger.validation.report;
