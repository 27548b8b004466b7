/** CAPA reads (capa.graphqls) with their result types; operations.test.ts validates them against the hub's SDL. */
import type { Connection } from '../api/operations';

export interface CapaRow { id: string; key: string; title: string; status: string; deviations: string[]; openedAt: string; closedAt: string | null }
export const CAPAS = `query Capas($after: String, $status: CapaStatus) {
  capas(first: 25, after: $after, filter: { status: $status }) {
    edges { node { id key title status deviations openedAt closedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type CapasResult = { capas: Connection<CapaRow> };

export interface AddressedDeviation {
  id: string; key: string; title: string; severity: string; status: string; openedAt: string; closedAt: string | null;
  impacts: { __typename: string; key?: string }[];
}
export interface CapaDetail extends CapaRow { action: string; addressedDeviations: AddressedDeviation[] }
export const CAPA = `query Capa($id: ID!) {
  capa(id: $id) {
    id key title action status deviations openedAt closedAt
    addressedDeviations { id key title severity status openedAt closedAt impacts { __typename ... on Batch { key } ... on Lot { key } } }
  }
}`;
export type CapaResult = { capa: CapaDetail | null };

export const CAPA_OPERATIONS: Record<string, string> = { CAPAS, CAPA };
