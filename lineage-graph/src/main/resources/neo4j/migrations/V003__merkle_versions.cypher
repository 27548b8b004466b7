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
// Record versions: a correction adds a node (version n+1) for the same key, so keys are unique per version.
// Version 1 (the anchor) keeps every edge; later versions carry content and point back with SUPERSEDES.
DROP CONSTRAINT material_key IF EXISTS;
CREATE CONSTRAINT material_key_version IF NOT EXISTS FOR (n:Material) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX material_key_lookup IF NOT EXISTS FOR (n:Material) ON (n.key);
DROP CONSTRAINT lot_key IF EXISTS;
CREATE CONSTRAINT lot_key_version IF NOT EXISTS FOR (n:Lot) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX lot_key_lookup IF NOT EXISTS FOR (n:Lot) ON (n.key);
DROP CONSTRAINT batch_key IF EXISTS;
CREATE CONSTRAINT batch_key_version IF NOT EXISTS FOR (n:Batch) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX batch_key_lookup IF NOT EXISTS FOR (n:Batch) ON (n.key);
DROP CONSTRAINT equipment_key IF EXISTS;
CREATE CONSTRAINT equipment_key_version IF NOT EXISTS FOR (n:Equipment) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX equipment_key_lookup IF NOT EXISTS FOR (n:Equipment) ON (n.key);
DROP CONSTRAINT step_record_key IF EXISTS;
CREATE CONSTRAINT step_record_key_version IF NOT EXISTS FOR (n:StepRecord) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX step_record_key_lookup IF NOT EXISTS FOR (n:StepRecord) ON (n.key);
DROP CONSTRAINT test_result_key IF EXISTS;
CREATE CONSTRAINT test_result_key_version IF NOT EXISTS FOR (n:TestResult) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX test_result_key_lookup IF NOT EXISTS FOR (n:TestResult) ON (n.key);
DROP CONSTRAINT deviation_key IF EXISTS;
CREATE CONSTRAINT deviation_key_version IF NOT EXISTS FOR (n:Deviation) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX deviation_key_lookup IF NOT EXISTS FOR (n:Deviation) ON (n.key);
DROP CONSTRAINT change_control_key IF EXISTS;
CREATE CONSTRAINT change_control_key_version IF NOT EXISTS FOR (n:ChangeControl) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX change_control_key_lookup IF NOT EXISTS FOR (n:ChangeControl) ON (n.key);
DROP CONSTRAINT cleaning_key IF EXISTS;
CREATE CONSTRAINT cleaning_key_version IF NOT EXISTS FOR (n:Cleaning) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX cleaning_key_lookup IF NOT EXISTS FOR (n:Cleaning) ON (n.key);
DROP CONSTRAINT calibration_key IF EXISTS;
CREATE CONSTRAINT calibration_key_version IF NOT EXISTS FOR (n:Calibration) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX calibration_key_lookup IF NOT EXISTS FOR (n:Calibration) ON (n.key);
DROP CONSTRAINT document_key IF EXISTS;
CREATE CONSTRAINT document_key_version IF NOT EXISTS FOR (n:Document) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX document_key_lookup IF NOT EXISTS FOR (n:Document) ON (n.key);
DROP CONSTRAINT signature_key IF EXISTS;
CREATE CONSTRAINT signature_key_version IF NOT EXISTS FOR (n:Signature) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX signature_key_lookup IF NOT EXISTS FOR (n:Signature) ON (n.key);
DROP CONSTRAINT source_file_key IF EXISTS;
CREATE CONSTRAINT source_file_key_version IF NOT EXISTS FOR (n:SourceFile) REQUIRE (n.key, n.version) IS UNIQUE;
CREATE INDEX source_file_key_lookup IF NOT EXISTS FOR (n:SourceFile) ON (n.key);
// Records written before versions existed are version 1. Batched (inner transactions of $batchSize rows), since one
// transaction over every record of a large graph exceeds the transaction memory; re-running finishes a partial run.
MATCH (n) WHERE n.key IS NOT NULL AND n.ledgerSeq IS NOT NULL AND n.version IS NULL
CALL (n) { SET n.version = 1 } IN TRANSACTIONS OF $batchSize ROWS;
