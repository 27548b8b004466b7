/**
 * Electronic signatures the hub takes (21 CFR 11.50, 11.70, 11.100, 11.200): {@link
 * org.batchledger.lineage.signature.Signing} runs {@code sign} as a command on the one ledgered unit of work, after
 * the rules as data ({@link org.batchledger.lineage.signature.MeaningRules}: which role may sign with which meaning,
 * on which records), re-authentication within a window, and segregation of duties. Each refusal is a
 * {@link org.batchledger.lineage.signature.SignatureRefusedException} naming its rule, and writes nothing.
 * {@link org.batchledger.lineage.signature.Dispositions} takes the batch release decision the same way: readiness and
 * the upstream genealogy read at one tree size (this feature's one stated arrow to release and genealogy), then one
 * signed command that records the decision with its genealogy snapshot and, for RELEASED and REJECTED, the batch's
 * and lots' new status.
 */
package org.batchledger.lineage.signature;
