/**
 * Release readiness, review by exception and the release queue: "can this batch be released, and if not, why?".
 * {@link org.batchledger.lineage.release.ReleaseFacts} reads what the checks need, one query per check class for
 * many batches at once; the checks ({@code *Check}) and the exception classes are pure functions of those facts,
 * so each can be tested on a hand-built case. Evaluations are pinned to a tree size ({@code AsOf}).
 */
package org.batchledger.lineage.release;
