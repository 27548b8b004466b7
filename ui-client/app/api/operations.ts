/**
 * Every GraphQL operation the UI sends, with hand-written result types. operations.test.ts validates each document
 * against the hub's SDL (schema module), so a renamed field fails the build, not the user.
 */

export interface PageInfo { hasNextPage: boolean; endCursor: string | null }
export interface Connection<T> { edges: { node: T }[]; pageInfo: PageInfo }

export interface Provenance {
  source: string;
  locator: string | null;
  recordedBy: string;
  recordedAt: string;
  eventAt: string;
  sourceFile: { sha256: string; fileName: string | null; download: string } | null;
}

const PROVENANCE = `provenance { source locator recordedBy recordedAt eventAt sourceFile { sha256 fileName download } }`;

export interface TestResult {
  id: string; key: string; test: string; method: string | null; instrument: string | null;
  /** the number the hub reads; qualifier says how (<, >=, or <LOQ/ND with no number); rawValue as the source wrote it */
  value: string | null; qualifier: string | null; rawValue: string | null; unit: string | null;
  lowerLimit: number | null; upperLimit: number | null; outcome: 'PASS' | 'OOS' | 'PENDING' | 'INVALIDATED';
  testedAt: string; analyst: string | null; provenance: Provenance;
}
const TEST_RESULT = `id key test method instrument value qualifier rawValue unit lowerLimit upperLimit outcome testedAt analyst ${PROVENANCE}`;

export interface Deviation {
  id: string; key: string; title: string; severity: string; status: string; openedAt: string; closedAt: string | null;
  provenance: Provenance;
}
const DEVIATION = `id key title severity status openedAt closedAt ${PROVENANCE}`;

export interface Signature {
  id: string; key: string; printedName: string; meaning: string; reason: string | null; signedAt: string;
  signedContentHash: string; onSupersededVersion: boolean; signs: { id: string } | null;
  withdrawal: { reason: string; printedName: string; withdrawnAt: string } | null;
  /** recordedBy: the signer's subject (who may withdraw it: WDR-WHO) */
  provenance: { recordedBy: string };
}

export interface StepRecord {
  id: string; key: string; step: string; parameter: string; value: string; unit: string | null;
  lowerLimit: number | null; upperLimit: number | null; executedAt: string; performedBy: string; provenance: Provenance;
}

export interface Batch {
  id: string; key: string; productKey: string; product: { name: string; kind: string } | null; stage: string;
  status: string; masterRecord: string | null; startedAt: string | null; endedAt: string | null; provenance: Provenance;
  inputs: { key: string; quantity: number | null; unit: string | null; step: string | null; lot: { id: string; key: string; materialKey: string } }[];
  outputs: Connection<{ id: string; key: string; status: string; quantity: number | null; unit: string | null }>;
  equipmentUsed: { key: string; step: string | null; from: string | null; to: string | null; equipment: { id: string; key: string; name: string } }[];
  testResults: TestResult[];
  deviations: Deviation[];
  signatures: Signature[];
}

export const BATCH = `query Batch($id: ID!) {
  batch(id: $id) {
    id key productKey product { name kind } stage status masterRecord startedAt endedAt ${PROVENANCE}
    inputs { key quantity unit step lot { id key materialKey } }
    outputs(first: 100) { edges { node { id key status quantity unit } } pageInfo { hasNextPage endCursor } }
    equipmentUsed { key step from to equipment { id key name } }
    testResults { ${TEST_RESULT} }
    deviations { ${DEVIATION} }
    signatures { id key printedName meaning reason signedAt signedContentHash onSupersededVersion signs { id }
      withdrawal { reason printedName withdrawnAt } provenance { recordedBy } }
  }
}`;
export type BatchResult = { batch: Batch | null };

export const STEP_RECORDS = `query StepRecords($id: ID!, $after: String) {
  batch(id: $id) {
    id
    stepRecords(first: 50, after: $after) {
      edges { node { id key step parameter value unit lowerLimit upperLimit executedAt performedBy ${PROVENANCE} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
export type StepRecordsResult = { batch: { id: string; stepRecords: Connection<StepRecord> } | null };

export interface Lot {
  id: string; key: string; materialKey: string; material: { name: string; kind: string } | null; status: string;
  quantity: number | null; unit: string | null; supplier: string | null; supplierLot: string | null;
  expiresAt: string | null; provenance: Provenance; producedBy: { id: string; key: string } | null;
  testResults: TestResult[]; deviations: Deviation[];
}
export const LOT = `query Lot($id: ID!) {
  lot(id: $id) {
    id key materialKey material { name kind } status quantity unit supplier supplierLot expiresAt ${PROVENANCE}
    producedBy { id key }
    testResults { ${TEST_RESULT} }
    deviations { ${DEVIATION} }
  }
}`;
export type LotResult = { lot: Lot | null };

export interface BatchRow { id: string; key: string; productKey: string; stage: string; status: string; startedAt: string | null }
export const BATCHES = `query Batches($after: String, $status: BatchStatus) {
  batches(first: 25, after: $after, filter: { status: $status }) {
    edges { node { id key productKey stage status startedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type BatchesResult = { batches: Connection<BatchRow> };

/** Looks a key up as batch and as lot at once: users know keys, not global IDs. */
export const FIND_BY_KEY = `query FindByKey($batch: ID!, $lot: ID!) {
  batch(id: $batch) { id key }
  lot(id: $lot) { id key }
}`;
export type FindByKeyResult = { batch: { id: string; key: string } | null; lot: { id: string; key: string } | null };

export interface TracedNode {
  id: string; hop: number;
  record: { __typename: 'Lot'; key: string; lotStatus: string; materialKey: string } | { __typename: 'Batch'; key: string; batchStatus: string; productKey: string; stage: string };
}
export interface TraceLink { from: string; to: string; relationship: string }
export interface Trace {
  complete: boolean; truncatedBy: string | null; cycleDetected: boolean; nodeCount: number; maxHop: number;
  nodes: Connection<TracedNode>; links: Connection<TraceLink>;
}
export const TRACE = `query Trace($from: ID!, $direction: TraceDirection!, $maxHops: Int!, $maxNodes: Int!,
    $nodesAfter: String, $linksAfter: String) {
  trace(from: $from, direction: $direction, maxHops: $maxHops, maxNodes: $maxNodes) {
    complete truncatedBy cycleDetected nodeCount maxHop
    nodes(first: 100, after: $nodesAfter) {
      edges { node { id hop record { __typename ... on Lot { key lotStatus: status materialKey } ... on Batch { key batchStatus: status productKey stage } } } }
      pageInfo { hasNextPage endCursor }
    }
    links(first: 100, after: $linksAfter) { edges { node { from to relationship } } pageInfo { hasNextPage endCursor } }
  }
}`;
export type TraceResult = { trace: Trace };

export interface RecallItem {
  id: string; hop: number; recordStatus: string; status: string; pathCount: number; pathCountCapped: boolean;
  record: { __typename: string; key?: string };
}
export const RECALL = `query Recall($lot: ID!, $after: String) {
  recallImpact(lot: $lot) {
    lot { id key materialKey status }
    complete truncatedBy cycleDetected pathCountCap count
    items(first: 100, after: $after) {
      edges { node { id hop recordStatus status pathCount pathCountCapped record { __typename ... on Lot { key } ... on Batch { key } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
export type RecallResult = {
  recallImpact: {
    lot: { id: string; key: string; materialKey: string; status: string };
    complete: boolean; truncatedBy: string | null; cycleDetected: boolean; pathCountCap: number; count: number;
    items: Connection<RecallItem>;
  };
};

export interface Checkpoint { origin: string; treeSize: number; rootHash: string; timestamp: string; signature: string; note: string; publicKey: string }
export const CHECKPOINT = `query Checkpoint { ledgerCheckpoint { origin treeSize rootHash timestamp signature note publicKey } }`;
export type CheckpointResult = { ledgerCheckpoint: Checkpoint };

export interface Verification {
  ok: boolean; entriesChecked: number; canonicalBytes: number; recordsChecked: number; checkpointsChecked: number;
  treeSize: number; rootHash: string; firstBadEntry: number | null; badEntries: number; problems: string[];
  recordMismatches: { entityType: string; entityKey: string; ledgerSeq: number | null; reason: string }[];
  recordMismatchCount: number; elapsedMillis: number;
}
export const VERIFY = `query Verify { verifyLedger {
  ok entriesChecked canonicalBytes recordsChecked checkpointsChecked treeSize rootHash firstBadEntry badEntries problems
  recordMismatches { entityType entityKey ledgerSeq reason } recordMismatchCount elapsedMillis
} }`;
export type VerifyResult = { verifyLedger: Verification };

export interface InclusionProof { seq: number; leafIndex: number; treeSize: number; leafHash: string; rootHash: string; hashes: string[] }
export const INCLUSION = `query Inclusion($seq: Int!) { inclusionProof(seq: $seq) { seq leafIndex treeSize leafHash rootHash hashes } }`;
export type InclusionResult = { inclusionProof: InclusionProof };

export interface AuditEntry {
  seq: number; at: string; action: string; entityType: string; entityKey: string; reason: string | null;
  actor: { name: string; roles: string[]; client: string }; changes: { field: string; oldValue: string | null; newValue: string | null }[];
}
export const AUDIT = `query Audit($entity: ID!) {
  auditTrail(entity: $entity, first: 50) {
    edges { node { seq at action entityType entityKey reason actor { name roles client } changes { field oldValue newValue } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type AuditResult = { auditTrail: Connection<AuditEntry> };

export interface Finding { file?: string | null; locator: string | null; record?: string | null; field: string | null; rule: string; message: string }
export interface IngestReport {
  id: string; status: 'INGESTED' | 'REFUSED' | 'TOO_LARGE' | 'BUSY' | 'STORAGE_FAILED'; duplicate: boolean; fileName: string | null;
  sha256: string | null; sizeBytes: number; adapter: string | null; channel: string; receivedBy: string; receivedAt: string;
  counts: { type: string; count: number }[]; firstSeq: number | null; lastSeq: number | null;
  warnings: Finding[]; errors: Finding[];
}
const FINDING = `file locator record field rule message`;
export const INGEST_REPORTS = `query IngestReports($after: String) {
  ingestReports(first: 20, after: $after) {
    edges { node { id status duplicate fileName sha256 sizeBytes adapter channel receivedBy receivedAt
      counts { type count } firstSeq lastSeq warnings { ${FINDING} } errors { ${FINDING} } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type IngestReportsResult = { ingestReports: Connection<IngestReport> };

/** All documents, for the schema check. */
export const ALL_OPERATIONS: Record<string, string> = {
  BATCH, STEP_RECORDS, LOT, BATCHES, FIND_BY_KEY, TRACE, RECALL, CHECKPOINT, VERIFY, INCLUSION, AUDIT, INGEST_REPORTS,
};
