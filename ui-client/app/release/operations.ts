/**
 * Release operations (release.graphqls, release-alcoa.graphqls, release-common.graphqls) with their result types;
 * operations.test.ts validates every document against the hub's SDL.
 */
import type { Connection } from '../api/operations';

export type Verdict = 'READY' | 'BLOCKED' | 'INCOMPLETE' | 'RELEASED' | 'REJECTED' | 'ON_HOLD' | 'IN_PROCESS';
export const VERDICTS: Verdict[] = ['READY', 'BLOCKED', 'INCOMPLETE', 'ON_HOLD', 'IN_PROCESS', 'RELEASED', 'REJECTED'];

/** A Lot or Batch a record hangs on (other types come back with their __typename only). */
export interface RecordHome { __typename: string; key?: string }
/**
 * A link to the evidence: a record (recordId; the file it was ingested from, and for a result, deviation or signature
 * the lot or batch it belongs to) or a file (url). record is null when it is not readable at the answer's tree size or
 * is an edge (consumption, production, equipment use); provenance is absent for types without one.
 */
export interface EvidenceLink {
  label: string; recordId: string | null; url: string | null;
  record: {
    provenance?: { sourceFile: SourceFileRef | null };
    subject?: RecordHome | null; impacts?: RecordHome[]; signs?: RecordHome | null;
  } | null;
}
export interface SourceFileRef { sha256: string; fileName: string | null }
// Node has no provenance field: each record type that has one is asked for the file it was ingested from.
const WITH_PROVENANCE = ['Material', 'Lot', 'Batch', 'Equipment', 'Cleaning', 'Calibration', 'StepRecord', 'TestResult',
  'Deviation', 'Signature', 'SignatureWithdrawal'];
const HOME = '__typename ... on Lot { key } ... on Batch { key }';
const EVIDENCE = 'label recordId url record { ' +
  WITH_PROVENANCE.map((t) => `... on ${t} { provenance { sourceFile { sha256 fileName } } }`).join(' ') +
  ` ... on TestResult { subject { ${HOME} } } ... on Deviation { impacts { ${HOME} } } ... on Signature { signs { ${HOME} } } }`;

export interface QueueItem { batch: { id: string; key: string; productKey: string; stage: string; status: string }; verdict: Verdict; openExceptions: number; waitingSince: string | null }
export const RELEASE_QUEUE = `query ReleaseQueue($after: String, $verdict: [ReleaseVerdict!], $search: String, $stage: String, $includeDispositioned: Boolean) {
  releaseQueue(first: 25, after: $after, filter: { verdict: $verdict, search: $search, stage: $stage, includeDispositioned: $includeDispositioned }) {
    edges { node { batch { id key productKey stage status } verdict openExceptions waitingSince } }
    pageInfo { hasNextPage endCursor }
    totalCount
    countsByVerdict { verdict count }
  }
}`;
export type ReleaseQueueResult = { releaseQueue: Connection<QueueItem> & { totalCount: number; countsByVerdict: { verdict: Verdict; count: number }[] } };

export type Principle = 'ATTRIBUTABLE' | 'LEGIBLE' | 'CONTEMPORANEOUS' | 'ORIGINAL' | 'ACCURATE' | 'COMPLETE' | 'CONSISTENT' | 'ENDURING' | 'AVAILABLE' | 'TRACEABLE';
export interface AlcoaFinding {
  rule: { id: string; title: string; version: number }; principle: Principle; severity: string; recordId: string;
  explanation: string; evidence: EvidenceLink[];
}
export type AlcoaStatus = 'MET' | 'FINDINGS' | 'CRITICAL' | 'NOT_EVALUATED';
export interface AlcoaPrincipleResult { principle: Principle; score: number; status: AlcoaStatus; recordsEvaluated: number; findingCount: number; findings: Connection<AlcoaFinding> }
export const ALCOA = `query Alcoa($batch: ID!) {
  alcoa(batch: $batch) {
    ruleSetVersion treeSize recordsEvaluated criticalFindings
    principles { principle score status recordsEvaluated findingCount
      findings(first: 20) { edges { node { rule { id title version } principle severity recordId explanation evidence { ${EVIDENCE} } } }
        pageInfo { hasNextPage endCursor } } }
  }
}`;
export type AlcoaResult = { alcoa: { ruleSetVersion: string; treeSize: number; recordsEvaluated: number; criticalFindings: number; principles: AlcoaPrincipleResult[] } | null };

export interface ReadinessCheck { name: string; title: string; status: 'PASS' | 'FAIL' | 'INCOMPLETE'; explanation: string; evidence: EvidenceLink[] }
export const READINESS = `query Readiness($batch: ID!) {
  releaseReadiness(batch: $batch) { ready verdict treeSize checks { name title status explanation evidence { ${EVIDENCE} } } }
}`;
export type ReadinessResult = { releaseReadiness: { ready: boolean; verdict: Verdict; treeSize: number; checks: ReadinessCheck[] } | null };

/** A standing decision on a review exception (dispositionException), signed EXCEPTION_REVIEWED. */
export interface ExceptionDispositionView {
  id: string; key: string; decision: 'ACCEPT' | 'RAISE_DEVIATION'; comment: string; decidedBy: string | null; decidedAt: string;
  deviationId: string | null; signatureKey: string; evidenceSha256: string;
}
const EXCEPTION_DISPOSITION = 'id key decision comment decidedBy decidedAt deviationId signatureKey evidenceSha256';
export interface ReviewException {
  id: string; exceptionClass: string; severity: string; reason: string; records: EvidenceLink[]; raisedAt: string | null;
  evidenceSha256: string; disposition: ExceptionDispositionView | null; earlierDispositions: ExceptionDispositionView[];
}
export const REVIEW_QUEUE = `query ReviewQueue($batch: ID!, $after: String, $exceptionClass: ExceptionClass) {
  reviewQueue(batch: $batch) {
    treeSize total open
    exceptions(first: 50, after: $after, exceptionClass: $exceptionClass) {
      edges { node { id exceptionClass severity reason records { ${EVIDENCE} } raisedAt evidenceSha256
        disposition { ${EXCEPTION_DISPOSITION} } earlierDispositions { ${EXCEPTION_DISPOSITION} } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
export type ReviewQueueResult = { reviewQueue: { treeSize: number; total: number; open: number; exceptions: Connection<ReviewException> } | null };

export const RELEASE_OPERATIONS: Record<string, string> = { RELEASE_QUEUE, ALCOA, READINESS, REVIEW_QUEUE };
