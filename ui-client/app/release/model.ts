/** Pure logic of the release screens (unit-tested in model.test.ts): filters, query variables, counts, evidence links. */
import { VERDICTS, type EvidenceLink, type Verdict } from './operations';

export interface QueueFilter { verdict: Verdict | null; stage: string; search: string; includeDispositioned: boolean }

/** The dashboard's filter from its URL (bookmarkable); anything unknown is ignored rather than sent to the hub. */
export function filterFromParams(params: URLSearchParams): QueueFilter {
  const v = params.get('verdict');
  return {
    verdict: v && (VERDICTS as string[]).includes(v) ? (v as Verdict) : null,
    stage: (params.get('stage') ?? '').trim(),
    search: (params.get('q') ?? '').trim(),
    includeDispositioned: params.get('all') === '1',
  };
}

export function filterToParams(f: QueueFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.verdict) p.set('verdict', f.verdict);
  if (f.stage) p.set('stage', f.stage);
  if (f.search) p.set('q', f.search);
  if (f.includeDispositioned) p.set('all', '1');
  return p;
}

/** The releaseQueue variables: an empty filter part is left out, so the hub applies its default. */
export function queueVariables(f: QueueFilter, after?: string | null): Record<string, unknown> {
  const vars: Record<string, unknown> = { includeDispositioned: f.includeDispositioned };
  if (f.verdict) vars.verdict = [f.verdict];
  if (f.stage) vars.stage = f.stage.toUpperCase();
  if (f.search) vars.search = f.search;
  if (after) vars.after = after;
  return vars;
}

export interface VerdictButton { verdict: Verdict | null; count: number }

/**
 * The verdict filter buttons: "all" then each verdict with batches, in VERDICTS order. countsByVerdict ignores the
 * verdict filter (the hub counts everything else the filter matches), so "all" is their sum, not totalCount, and a
 * selected verdict stays visible even when none matches.
 */
export function verdictButtons(counts: { verdict: Verdict; count: number }[], selected: Verdict | null): VerdictButton[] {
  const by = new Map(counts.map((c) => [c.verdict, c.count]));
  const all = counts.reduce((n, c) => n + c.count, 0);
  return [{ verdict: null, count: all },
    ...VERDICTS.filter((v) => (by.get(v) ?? 0) > 0 || v === selected).map((v) => ({ verdict: v, count: by.get(v) ?? 0 }))];
}

export type EvidenceTarget =
  | { kind: 'route'; to: string }
  | { kind: 'download'; url: string; name: string }
  | { kind: 'text' };

/** Records that are shown on a tab of their batch's screen rather than on a screen of their own. */
const BATCH_TABS: Record<string, string> = { TestResult: 'results', Deviation: 'deviations', StepRecord: 'steps', Signature: 'signatures' };

/**
 * Where an evidence link leads: a batch or lot to its screen; a test result, deviation, step record or signature to
 * its tab on the batch being looked at; a file (url) to a download. Anything else (an edge such as
 * CONSUMED_IN:…, equipment) is named, not linked.
 */
export function evidenceTarget(link: Pick<EvidenceLink, 'recordId' | 'url' | 'label'>, batchKey?: string): EvidenceTarget {
  if (link.url && link.url.startsWith('/')) {
    return { kind: 'download', url: link.url, name: link.label };
  }
  const m = /^([A-Za-z]+):(.+)$/.exec(link.recordId ?? '');
  if (!m) {
    return { kind: 'text' };
  }
  const [, label, key] = m;
  if (label === 'Batch' || label === 'Lot') {
    return { kind: 'route', to: `/ui/${label.toLowerCase()}/${encodeURIComponent(key)}` };
  }
  if (batchKey && BATCH_TABS[label]) {
    return { kind: 'route', to: `/ui/batch/${encodeURIComponent(batchKey)}?tab=${BATCH_TABS[label]}` };
  }
  return { kind: 'text' };
}

/** A 0..1 score as a whole percentage, never rounding a score below 1 up to 100 % (that would read as "no findings"). */
export function percent(score: number): string {
  const p = Math.round(score * 100);
  return (p === 100 && score < 1 ? 99 : p) + '%';
}
