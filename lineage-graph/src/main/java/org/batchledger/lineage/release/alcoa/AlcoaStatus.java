package org.batchledger.lineage.release.alcoa;

/**
 * A principle's verdict: MET (records evaluated, no finding), FINDINGS (findings, none critical), CRITICAL (at least
 * one critical finding), NOT_EVALUATED (no rule of the principle applied to any record of the batch).
 */
public enum AlcoaStatus { MET, FINDINGS, CRITICAL, NOT_EVALUATED }
