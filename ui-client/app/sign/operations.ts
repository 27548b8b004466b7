import type { Role } from '../auth/token';

/**
 * The signed commands the UI sends (signature.graphqls, workflow.graphqls) with their result types;
 * operations.test.ts validates them against the hub's SDL.
 */

/** What a signature shows (21 CFR 11.50): printed name, time, meaning, and the record version it is bound to. */
export interface Manifestation {
  key: string; printedName: string; meaning: string; reason: string | null; signedAt: string; signedContentHash: string;
}
const MANIFESTATION = 'key printedName meaning reason signedAt signedContentHash';

export const SIGN = `mutation Sign($record: ID!, $meaning: SignatureMeaning!, $reason: String) {
  sign(record: $record, meaning: $meaning, reason: $reason) { ${MANIFESTATION} }
}`;
export type SignResult = { sign: Manifestation };

export type Decision = 'RELEASED' | 'CONDITIONALLY_RELEASED' | 'ON_HOLD' | 'REJECTED';
export const DISPOSITION = `mutation Disposition($batch: ID!, $decision: DispositionDecision!, $justification: String) {
  disposition(batch: $batch, decision: $decision, justification: $justification) {
    key decision justification ready failingChecks decidedAt batch { key status }
    signature { ${MANIFESTATION} }
    snapshot { treeSize nodeCount edgeCount nodesSha256 edgesSha256 }
  }
}`;
export interface DispositionDone {
  key: string; decision: Decision; justification: string | null; ready: boolean; failingChecks: string[]; decidedAt: string;
  batch: { key: string; status: string }; signature: Manifestation;
  snapshot: { treeSize: number; nodeCount: number; edgeCount: number; nodesSha256: string; edgesSha256: string };
}
export type DispositionResult = { disposition: DispositionDone };

export const TRANSITION_DEVIATION = `mutation TransitionDeviation($deviation: ID!, $transition: String!, $reason: String!, $rootCause: String,
    $capaReference: String, $classification: DeviationClassification) {
  transitionDeviation(deviation: $deviation, transition: $transition, reason: $reason, rootCause: $rootCause,
      capaReference: $capaReference, classification: $classification) {
    transition fromState toState rootCause capaReference reason signatureKey deviation { key status }
  }
}`;
export interface TransitionDone {
  transition: string; fromState: string; toState: string; rootCause: string | null; capaReference: string | null;
  reason: string; signatureKey: string; deviation: { key: string; status: string };
}
export type TransitionResult = { transitionDeviation: TransitionDone };

/**
 * Meanings a person gives with sign (the SDL's SignatureMeaning without those only disposition and
 * dispositionException give). Which of them
 * a role may use on which record is the hub's data (MeaningRules): the hub refuses the others with SIG-MEANING-ROLE.
 */
export const SIGN_MEANINGS: { meaning: string; words: string }[] = [
  { meaning: 'PERFORMED', words: 'I performed this' },
  { meaning: 'VERIFIED', words: 'I verified this entry (second person)' },
  { meaning: 'REVIEWED', words: 'I reviewed this record' },
  { meaning: 'APPROVED', words: 'I approve this' },
  { meaning: 'AUDIT_TRAIL_REVIEWED', words: 'I reviewed the audit trail of this batch' },
];
/** Given only by another command (MeaningRules takenBy): disposition, dispositionException. */
export const NOT_BY_SIGN = ['RELEASED', 'REJECTED', 'CONDITIONALLY_RELEASED', 'ON_HOLD', 'EXCEPTION_REVIEWED'];

export const DECISIONS: { decision: Decision; words: string }[] = [
  { decision: 'RELEASED', words: 'Release' },
  { decision: 'CONDITIONALLY_RELEASED', words: 'Release conditionally' },
  { decision: 'ON_HOLD', words: 'Put on hold' },
  { decision: 'REJECTED', words: 'Reject' },
];

/** The deviation workflow's transitions (lineage-graph workflow/deviation.json), by the state they start from. */
export interface DeviationTransitionInfo {
  transition: string; from: string; words: string;
  /** which fields the form shows (the hub says which are required: WF-CLASSIFICATION, WF-ROOT-CAUSE, WF-CAPA) */
  classification?: boolean; rootCause?: boolean; capa?: boolean;
}
export const DEVIATION_TRANSITIONS: DeviationTransitionInfo[] = [
  { transition: 'START_INVESTIGATION', from: 'OPEN', words: 'Start investigation', classification: true },
  { transition: 'REQUIRE_CAPA', from: 'UNDER_INVESTIGATION', words: 'Require a CAPA', rootCause: true },
  { transition: 'CLOSE', from: 'UNDER_INVESTIGATION', words: 'Close', rootCause: true, capa: true },
  { transition: 'CLOSE_WITH_CAPA', from: 'CAPA_REQUIRED', words: 'Close with CAPA', rootCause: true, capa: true },
];
export const CLASSIFICATIONS = ['EQUIPMENT', 'PROCESS', 'MATERIAL', 'LABORATORY', 'DOCUMENTATION', 'PERSONNEL', 'FACILITY', 'OTHER'];

/** dispositionException: QA's signed decision (meaning EXCEPTION_REVIEWED) on one exception of a batch's review queue. */
export type ExceptionDecision = 'ACCEPT' | 'RAISE_DEVIATION';
export const EXCEPTION_DECISIONS: { decision: ExceptionDecision; words: string; comment: string }[] = [
  { decision: 'ACCEPT', words: 'Accept with comment', comment: 'Comment (why the exception is acceptable)' },
  { decision: 'RAISE_DEVIATION', words: 'Raise a deviation', comment: 'Why a deviation is raised (becomes its title)' },
];
/** The hub's limit on an exception decision's comment (SIG-EXCEPTION-COMMENT). */
export const EXCEPTION_COMMENT_MAX = 2000;
export const DISPOSITION_EXCEPTION = `mutation DispositionException($batch: ID!, $exception: ID!, $decision: ExceptionDecision!, $comment: String!) {
  dispositionException(batch: $batch, exception: $exception, decision: $decision, comment: $comment) {
    disposition { key exceptionId decision comment decidedAt deviationId signatureKey }
    signature { ${MANIFESTATION} }
    deviation { id key title severity status }
    seq
  }
}`;
export interface ExceptionDecided {
  disposition: { key: string; exceptionId: string; decision: ExceptionDecision; comment: string; decidedAt: string; deviationId: string | null; signatureKey: string };
  signature: Manifestation;
  deviation: { id: string; key: string; title: string; severity: string; status: string } | null;
  seq: number;
}
export type ExceptionDecisionResult = { dispositionException: ExceptionDecided };

/** withdrawSignature: a new ledgered withdrawal record with a reason; the signature itself never changes. */
export const WITHDRAW_SIGNATURE = `mutation WithdrawSignature($signature: ID!, $reason: String!) {
  withdrawSignature(signature: $signature, reason: $reason) { id key reason printedName withdrawnAt signature { id key meaning printedName } }
}`;
export interface WithdrawalDone {
  id: string; key: string; reason: string; printedName: string; withdrawnAt: string;
  signature: { id: string; key: string; meaning: string; printedName: string } | null;
}
export type WithdrawalResult = { withdrawSignature: WithdrawalDone };

export const TRANSITION_CAPA = `mutation TransitionCapa($capa: ID!, $transition: String!, $reason: String!) {
  transitionCapa(capa: $capa, transition: $transition, reason: $reason) {
    transition fromState toState reason signatureKey capa { key status }
  }
}`;
export interface CapaTransitionDone {
  transition: string; fromState: string; toState: string; reason: string; signatureKey: string; capa: { key: string; status: string };
}
export type CapaTransitionResult = { transitionCapa: CapaTransitionDone };

/**
 * The CAPA workflow's transitions as the hub's data has them (lineage-graph workflow/capa.json; workflow.test.ts
 * checks this copy against it): who may take each, and which one its taker may not take next.
 */
export interface CapaTransitionInfo { transition: string; from: string; to: string; words: string; roles: Role[]; notByTakerOf?: string }
export const CAPA_TRANSITIONS: CapaTransitionInfo[] = [
  { transition: 'IMPLEMENT', from: 'OPENED', to: 'IMPLEMENTED', words: 'Implemented', roles: ['operator', 'qa-reviewer', 'qa-release'] },
  { transition: 'CHECK_EFFECTIVENESS', from: 'IMPLEMENTED', to: 'EFFECTIVENESS_CHECKED', words: 'Effectiveness checked',
    roles: ['qa-reviewer', 'qa-release'], notByTakerOf: 'IMPLEMENT' },
  { transition: 'CLOSE', from: 'EFFECTIVENESS_CHECKED', to: 'CLOSED', words: 'Close', roles: ['qa-release'] },
];
export const CAPA_STATES = ['OPENED', 'IMPLEMENTED', 'EFFECTIVENESS_CHECKED', 'CLOSED'];

export const SIGN_OPERATIONS: Record<string, string> = { SIGN, DISPOSITION, TRANSITION_DEVIATION, DISPOSITION_EXCEPTION, WITHDRAW_SIGNATURE, TRANSITION_CAPA };
