// One node per business key and record type; keys are source-namespaced, so two sources never collide.
CREATE CONSTRAINT material_key IF NOT EXISTS FOR (n:Material) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT lot_key IF NOT EXISTS FOR (n:Lot) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT batch_key IF NOT EXISTS FOR (n:Batch) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT equipment_key IF NOT EXISTS FOR (n:Equipment) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT step_record_key IF NOT EXISTS FOR (n:StepRecord) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT test_result_key IF NOT EXISTS FOR (n:TestResult) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT deviation_key IF NOT EXISTS FOR (n:Deviation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT change_control_key IF NOT EXISTS FOR (n:ChangeControl) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT cleaning_key IF NOT EXISTS FOR (n:Cleaning) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT calibration_key IF NOT EXISTS FOR (n:Calibration) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT signature_key IF NOT EXISTS FOR (n:Signature) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_file_key IF NOT EXISTS FOR (n:SourceFile) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT consumption_key IF NOT EXISTS FOR ()-[r:CONSUMED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT production_key IF NOT EXISTS FOR ()-[r:PRODUCED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT equipment_use_key IF NOT EXISTS FOR ()-[r:USED]-() REQUIRE r.key IS UNIQUE;
// The filters the API offers.
CREATE INDEX batch_status IF NOT EXISTS FOR (n:Batch) ON (n.status);
CREATE INDEX batch_product IF NOT EXISTS FOR (n:Batch) ON (n.productKey);
CREATE INDEX batch_started IF NOT EXISTS FOR (n:Batch) ON (n.startedAt);
CREATE INDEX lot_status IF NOT EXISTS FOR (n:Lot) ON (n.status);
CREATE INDEX lot_material IF NOT EXISTS FOR (n:Lot) ON (n.materialKey);
CREATE INDEX test_result_outcome IF NOT EXISTS FOR (n:TestResult) ON (n.outcome);
CREATE INDEX test_result_tested IF NOT EXISTS FOR (n:TestResult) ON (n.testedAt);
CREATE INDEX deviation_status IF NOT EXISTS FOR (n:Deviation) ON (n.status);
CREATE INDEX deviation_opened IF NOT EXISTS FOR (n:Deviation) ON (n.openedAt);
