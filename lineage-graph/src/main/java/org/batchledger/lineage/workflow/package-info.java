/**
 * Quality workflows as state machines of data, each transition a signed command on the one ledgered unit of work:
 * the record's new version (its new state), a signature on that version, and a
 * {@link org.batchledger.schema.record.WorkflowTransition} naming the step, in one commit. This round: the
 * deviation workflow ({@link org.batchledger.lineage.workflow.DeviationWorkflow}); CAPA, change control, cleaning and
 * calibration follow the same shape. An illegal transition is a typed refusal naming the state and the rule.
 */
package org.batchledger.lineage.workflow;
