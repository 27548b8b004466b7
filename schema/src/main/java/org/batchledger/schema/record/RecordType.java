package org.batchledger.schema.record;

/**
 * The allow-list of graph labels and relationship types. Cypher takes labels only from here, never from user text.
 */
public enum RecordType {
    MATERIAL("Material", Material.class, false),
    LOT("Lot", Lot.class, false),
    BATCH("Batch", Batch.class, false),
    EQUIPMENT("Equipment", Equipment.class, false),
    STEP_RECORD("StepRecord", StepRecord.class, false),
    TEST_RESULT("TestResult", TestResult.class, false),
    DEVIATION("Deviation", Deviation.class, false),
    CHANGE_CONTROL("ChangeControl", ChangeControl.class, false),
    CLEANING("Cleaning", Cleaning.class, false),
    CALIBRATION("Calibration", Calibration.class, false),
    DOCUMENT("Document", Document.class, false),
    SIGNATURE("Signature", Signature.class, false),
    SIGNATURE_WITHDRAWAL("SignatureWithdrawal", SignatureWithdrawal.class, false),
    SOURCE_FILE("SourceFile", SourceFile.class, false),
    WORKFLOW_TRANSITION("WorkflowTransition", WorkflowTransition.class, false),
    DISPOSITION("Disposition", Disposition.class, false),
    EXCEPTION_DISPOSITION("ExceptionDisposition", ExceptionDisposition.class, false),
    CAPA("Capa", Capa.class, false),
    CONSUMPTION("CONSUMED_IN", Consumption.class, true),
    PRODUCTION("PRODUCED", Production.class, true),
    EQUIPMENT_USE("USED", EquipmentUse.class, true);

    private final String graphName;
    private final Class<? extends LedgerRecord> javaType;
    private final boolean relationship;

    RecordType(String graphName, Class<? extends LedgerRecord> javaType, boolean relationship) {
        this.graphName = graphName;
        this.javaType = javaType;
        this.relationship = relationship;
    }

    /** The node label, or the relationship type for genealogy edges. */
    public String graphName() {
        return graphName;
    }

    public Class<? extends LedgerRecord> javaType() {
        return javaType;
    }

    public boolean isRelationship() {
        return relationship;
    }

    public static RecordType ofGraphName(String name) {
        for (RecordType t : values()) {
            if (t.graphName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a record type: " + name);
    }
}
