/** Pure logic of the release screens (unit-tested in model.test.ts): filters, query variables, counts, evidence links. */
import { VERDICTS, type EvidenceLink, type RecordHome, type Verdict } from './operations';

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
  // the hub matches the stage exactly as recorded (plants spell them differently: COMPRESSION, compression)
  if (f.stage) vars.stage = f.stage;
  if (f.search) vars.search = f.search;
  if (after) vars.after = after;
  return vars;
}

/** The stages of the listed batches, for the stage input's suggestions (the hub matches a stage exactly). */
export function stagesOf(rows: { batch: { stage: string } }[], selected = ''): string[] {
  return [...new Set([...rows.map((r) => r.batch.stage), ...(selected ? [selected] : [])])].sort();
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

const route = (home: RecordHome | null | undefined, tab: string): EvidenceTarget | null =>
  home?.key && home.__typename === 'Batch' ? { kind: 'route', to: `/ui/batch/${encodeURIComponent(home.key)}?tab=${tab}` }
    : home?.key && home.__typename === 'Lot' ? { kind: 'route', to: `/ui/lot/${encodeURIComponent(home.key)}` } : null;

/**
 * Where an evidence link leads: a batch or lot to its screen; a test result to the lot or batch it was tested on; a
 * deviation to the batch being looked at when it impacts it, else to the first batch or lot it impacts; a signature
 * on a batch to that batch's signatures; a step record to the steps of the batch being looked at (the only batch its
 * checks and findings name step records of); a file (a hub-relative url) to a download. Anything else (equipment, an
 * edge such as CONSUMED_IN:…, a record not readable at that tree size) is named, not linked.
 */
export function evidenceTarget(link: Pick<EvidenceLink, 'recordId' | 'url' | 'label'> & Partial<Pick<EvidenceLink, 'record'>>,
                               batchKey?: string): EvidenceTarget {
  const text: EvidenceTarget = { kind: 'text' };
  if (link.url && link.url.startsWith('/') && !link.url.startsWith('//')) {
    return { kind: 'download', url: link.url, name: link.label };
  }
  const m = /^([A-Za-z]+):(.+)$/.exec(link.recordId ?? '');
  if (!m) {
    return text;
  }
  const [, label, key] = m;
  const r = link.record;
  switch (label) {
    case 'Batch':
    case 'Lot':
      return { kind: 'route', to: `/ui/${label.toLowerCase()}/${encodeURIComponent(key)}` };
    case 'TestResult':
      return route(r?.subject, 'results') ?? text;
    case 'Deviation': {
      const impacts = r?.impacts ?? [];
      const here = impacts.find((i) => i.__typename === 'Batch' && i.key === batchKey);
      return route(here, 'deviations') ?? route(impacts.find((i) => i.__typename === 'Batch'), 'deviations')
        ?? route(impacts.find((i) => i.__typename === 'Lot'), 'deviations') ?? text;
    }
    case 'Signature':
      return route(r?.signs?.__typename === 'Batch' ? r.signs : null, 'signatures') ?? text;
    case 'StepRecord':
      return batchKey ? { kind: 'route', to: `/ui/batch/${encodeURIComponent(batchKey)}?tab=steps` } : text;
    default:
      return text;
  }
}

/** A 0..1 score as a whole percentage, never rounding a score below 1 up to 100 % (that would read as "no findings"). */
export function percent(score: number): string {
  const p = Math.round(score * 100);
  return (p === 100 && score < 1 ? 99 : p) + '%';
}
