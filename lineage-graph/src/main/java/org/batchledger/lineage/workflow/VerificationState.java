package org.batchledger.lineage.workflow;

/**
 * Where a cleaning or calibration stands in its workflow: RECORDED, or VERIFIED by a second person. Derived from the
 * record ({@code verifiedBy} set or not), so records ledgered before verification existed keep their bytes.
 */
public enum VerificationState { RECORDED, VERIFIED }
