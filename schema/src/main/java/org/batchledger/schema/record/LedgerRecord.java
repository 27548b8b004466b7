package org.batchledger.schema.record;

/** A fact that the hub stores and ledgers: a node or a genealogy edge of the lineage graph. */
public sealed interface LedgerRecord
        permits Material, Lot, Batch, Equipment, StepRecord, TestResult, Deviation, ChangeControl, Cleaning,
        Calibration, Document, Signature, SignatureWithdrawal, SourceFile, WorkflowTransition, Disposition, ExceptionDisposition, Capa, Consumption, Production,
        EquipmentUse {

    /** Source-namespaced business key, unique within the record type. */
    String key();

    Provenance provenance();

    RecordType type();
}
