/**
 * Quality workflows as state machines of data ({@link org.batchledger.lineage.workflow.Workflow}, one JSON file per
 * workflow), each transition a signed command on the one ledgered unit of work: the record's new version (its new
 * state), a signature on that version, and a {@link org.batchledger.schema.record.WorkflowTransition} naming the
 * step, in one commit. One command ({@code TakeTransition}) moves every workflow; what differs per record type is a
 * {@code Subject} (deviation: root cause, CAPA reference, classification and impact assessment; CAPA: nothing more;
 * change control: its impact assessment; cleaning and calibration: the verifier, their state derived from it).
 * Built: deviations, CAPAs ({@link org.batchledger.lineage.workflow.CapaWorkflows}, opened by {@code OpenCapa}),
 * change control ({@link org.batchledger.lineage.workflow.ChangeControlWorkflows}, requested by
 * {@code OpenChangeControl}) and cleanings and calibrations
 * ({@link org.batchledger.lineage.workflow.EquipmentCareWorkflows}, recorded by {@code RecordCare}, verified by a
 * second person). An illegal transition is a typed refusal naming the state and the rule; a transition marked
 * {@code notByRecorder} is refused to whoever recorded, requested or performed the record.
 */
package org.batchledger.lineage.workflow;
