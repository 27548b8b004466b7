// The ledger's Merkle tree: each completed perfect subtree is written once.
CREATE CONSTRAINT merkle_node_id IF NOT EXISTS FOR (m:MerkleNode) REQUIRE (m.level, m.index) IS UNIQUE;
// Signed checkpoints, at most one per tree size.
CREATE CONSTRAINT checkpoint_size IF NOT EXISTS FOR (c:Checkpoint) REQUIRE c.treeSize IS UNIQUE;
// Record versions by the entry that created them: verification pages and as-of reads filter on it.
CREATE INDEX material_ledger_seq IF NOT EXISTS FOR (n:Material) ON (n.ledgerSeq);
CREATE INDEX lot_ledger_seq IF NOT EXISTS FOR (n:Lot) ON (n.ledgerSeq);
CREATE INDEX batch_ledger_seq IF NOT EXISTS FOR (n:Batch) ON (n.ledgerSeq);
CREATE INDEX equipment_ledger_seq IF NOT EXISTS FOR (n:Equipment) ON (n.ledgerSeq);
CREATE INDEX step_record_ledger_seq IF NOT EXISTS FOR (n:StepRecord) ON (n.ledgerSeq);
CREATE INDEX test_result_ledger_seq IF NOT EXISTS FOR (n:TestResult) ON (n.ledgerSeq);
CREATE INDEX deviation_ledger_seq IF NOT EXISTS FOR (n:Deviation) ON (n.ledgerSeq);
CREATE INDEX change_control_ledger_seq IF NOT EXISTS FOR (n:ChangeControl) ON (n.ledgerSeq);
CREATE INDEX cleaning_ledger_seq IF NOT EXISTS FOR (n:Cleaning) ON (n.ledgerSeq);
CREATE INDEX calibration_ledger_seq IF NOT EXISTS FOR (n:Calibration) ON (n.ledgerSeq);
CREATE INDEX document_ledger_seq IF NOT EXISTS FOR (n:Document) ON (n.ledgerSeq);
CREATE INDEX signature_ledger_seq IF NOT EXISTS FOR (n:Signature) ON (n.ledgerSeq);
CREATE INDEX source_file_ledger_seq IF NOT EXISTS FOR (n:SourceFile) ON (n.ledgerSeq);
CREATE INDEX consumed_in_ledger_seq IF NOT EXISTS FOR ()-[r:CONSUMED_IN]-() ON (r.ledgerSeq);
CREATE INDEX produced_ledger_seq IF NOT EXISTS FOR ()-[r:PRODUCED]-() ON (r.ledgerSeq);
CREATE INDEX used_ledger_seq IF NOT EXISTS FOR ()-[r:USED]-() ON (r.ledgerSeq);
