/**
 * The hub's validation package as a command: {@code report} (requirements traced to the test results of every module,
 * the traceability gate, the HTML and PDF/A report) and {@code change-impact} (what changed between two git refs, and
 * which requirements that touches). It depends on no module of the hub: it reads their sources, poms and reports.
 */
package org.batchledger.validation;
