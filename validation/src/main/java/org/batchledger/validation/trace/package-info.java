/**
 * Traceability: which tests prove which requirement, with what result, and the gate's findings (unknown IDs, untraced
 * tests, high-risk requirements without a passing automated test, requirements nothing covers). Skipped tests never
 * count as evidence.
 */
package org.batchledger.validation.trace;
