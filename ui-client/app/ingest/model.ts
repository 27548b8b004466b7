/**
 * Pure logic of the Ingest screen's tabs and its review queue of unlinked results and references: which tabs a user
 * is offered, paging by cursor, counts in words, where a referring record leads.
 */
import type { Connection } from '../api/operations';
import { hasAnyRole, INGEST_REPORT_READERS, INGEST_UPLOADERS, UNLINKED_READERS, type Role } from '../auth/token';
import { evidenceTarget } from '../release/model';

export type IngestTab = 'files' | 'unlinked';
export const INGEST_TABS: { tab: IngestTab; label: string; roles: readonly Role[] }[] = [
  { tab: 'files', label: 'Files and reports', roles: [...INGEST_UPLOADERS, ...INGEST_REPORT_READERS] },
  { tab: 'unlinked', label: 'Unlinked (review)', roles: UNLINKED_READERS },
];

/** The tabs the user's roles may read (the hub checks again on every field). */
export function ingestTabs(roles: readonly string[]): typeof INGEST_TABS {
  return INGEST_TABS.filter((t) => hasAnyRole(roles, t.roles));
}

/** The tab the URL names (also one the user may not read: the screen then says it is forbidden), else the files. */
export function tabFromParams(params: URLSearchParams): IngestTab {
  return INGEST_TABS.find((t) => t.tab === params.get('tab'))?.tab ?? 'files';
}

/** Rows loaded so far and the cursor of the next page (null: none left). */
export interface Paged<T> { rows: T[]; after: string | null }

export function firstPage<T>(page: Connection<T>): Paged<T> {
  return nextPage({ rows: [], after: null }, page);
}

export function nextPage<T>(loaded: Paged<T>, page: Connection<T>): Paged<T> {
  return {
    rows: [...loaded.rows, ...page.edges.map((e) => e.node)],
    after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
  };
}

/** "1 result", "3 results"; with more on the hub "25 results loaded, more to load" (the hub gives no total). */
export function countText(loaded: Paged<unknown>, one: string, many: string): string {
  const n = loaded.rows.length;
  const words = n + ' ' + (n === 1 ? one : many);
  return loaded.after ? words + ' loaded, more to load' : words;
}

/** The value exactly as reported, with its unit when it has one. */
export function valueWithUnit(value: string | null, unit: string | null): string {
  if (value === null || value === '') {
    return '—';
  }
  return unit ? value + ' ' + unit : value;
}

/** A referring record (Label:key) as a link to its screen where it has one (lot, batch), else only named. */
export function recordRoute(recordId: string): string | null {
  const target = evidenceTarget({ recordId, url: null, label: recordId });
  return target.kind === 'route' ? target.to : null;
}
