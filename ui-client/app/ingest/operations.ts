/**
 * The ingest review queue's operations (ingest.graphqls: unlinkedResults, unlinkedReferences) with their result types;
 * operations.test.ts validates every document against the hub's SDL.
 */
import type { Connection, Provenance } from '../api/operations';

/** A test result that names only a sample: no lot or batch yet (subject null). */
export interface UnlinkedResult {
  id: string; key: string; sampleId: string | null; test: string; method: string | null; value: string | null;
  unit: string | null; outcome: string; testedAt: string; analyst: string | null; provenance: Provenance;
}
export const UNLINKED_RESULTS = `query UnlinkedResults($after: String) {
  unlinkedResults(first: 25, after: $after) {
    edges { node { id key sampleId test method value unit outcome testedAt analyst
      provenance { source locator recordedBy recordedAt eventAt sourceFile { sha256 fileName download } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type UnlinkedResultsResult = { unlinkedResults: Connection<UnlinkedResult> };

/** A reference of an ingested record (from, Label:key) to a record not recorded yet (target, Label:key). */
export interface UnlinkedReference { from: string; field: string; target: string; locator: string | null }
export const UNLINKED_REFERENCES = `query UnlinkedReferences($after: String) {
  unlinkedReferences(first: 25, after: $after) {
    edges { node { from field target locator } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type UnlinkedReferencesResult = { unlinkedReferences: Connection<UnlinkedReference> };

export const INGEST_OPERATIONS: Record<string, string> = { UNLINKED_RESULTS, UNLINKED_REFERENCES };
