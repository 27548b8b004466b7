/** Pure logic of the CAPA screens (model.test.ts). */
import { CAPA_STATES } from '../sign/operations';

/** The list's status filter from its URL (?status=IMPLEMENTED); anything that is no CAPA state means every state. */
export function statusFromParams(params: URLSearchParams): string | null {
  const s = params.get('status');
  return s && CAPA_STATES.includes(s) ? s : null;
}

/** Where a CAPA stands in its workflow: each state, done, current or still to come. */
export function capaProgress(status: string): { state: string; at: 'done' | 'current' | 'next' }[] {
  const here = CAPA_STATES.indexOf(status);
  return CAPA_STATES.map((state, i) => ({ state, at: i < here ? 'done' : i === here ? 'current' : 'next' }));
}

/** The screen of what a deviation impacts: its first batch's deviations tab, else its first lot's page. */
export function deviationHome(impacts: { __typename: string; key?: string }[]): string | null {
  const batch = impacts.find((i) => i.__typename === 'Batch' && i.key);
  if (batch) {
    return '/ui/batch/' + encodeURIComponent(batch.key as string) + '?tab=deviations';
  }
  const lot = impacts.find((i) => i.__typename === 'Lot' && i.key);
  return lot ? '/ui/lot/' + encodeURIComponent(lot.key as string) : null;
}

/** The CAPA's key from its ID (Capa:<key>), for its page's URL. */
export function capaKey(id: string): string {
  return id.startsWith('Capa:') ? id.slice('Capa:'.length) : id;
}
