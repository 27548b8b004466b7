import { describe, expect, it } from 'vitest';
import type { EvidenceLink } from './operations';
import { evidenceTarget, filterFromParams, filterToParams, percent, queueVariables, stagesOf, verdictButtons } from './model';

describe('release dashboard filter', () => {
  it('round-trips through the URL and ignores an unknown verdict', () => {
    const f = filterFromParams(new URLSearchParams('verdict=BLOCKED&stage=COMPRESSION&q=%20LOT-1%20&all=1'));
    expect(f).toEqual({ verdict: 'BLOCKED', stage: 'COMPRESSION', search: 'LOT-1', includeDispositioned: true });
    expect(filterFromParams(filterToParams(f))).toEqual(f);
    expect(filterFromParams(new URLSearchParams('verdict=MAYBE')).verdict).toBeNull();
    expect(filterToParams(filterFromParams(new URLSearchParams(''))).toString()).toBe('');
  });

  it('sends only the parts of the filter that are set, so the hub applies its defaults', () => {
    expect(queueVariables({ verdict: null, stage: '', search: '', includeDispositioned: false }))
      .toEqual({ includeDispositioned: false });
    expect(queueVariables({ verdict: 'READY', stage: 'compression', search: 'B-TAB', includeDispositioned: true }, 'c1'))
      .toEqual({ verdict: ['READY'], stage: 'compression', search: 'B-TAB', includeDispositioned: true, after: 'c1' });
  });

  it('suggests the stages of the listed batches as recorded, once each', () => {
    const rows = [{ batch: { stage: 'packaging' } }, { batch: { stage: 'COMPRESSION' } }, { batch: { stage: 'packaging' } }];
    expect(stagesOf(rows)).toEqual(['COMPRESSION', 'packaging']);
    expect(stagesOf([], 'coating')).toEqual(['coating']);
  });
});

describe('verdict buttons', () => {
  it('count "all" as the sum of the counts (they ignore the verdict filter), in verdict order, hiding empty ones', () => {
    const b = verdictButtons([{ verdict: 'READY', count: 2 }, { verdict: 'BLOCKED', count: 3 }, { verdict: 'ON_HOLD', count: 0 }], null);
    expect(b).toEqual([{ verdict: null, count: 5 }, { verdict: 'READY', count: 2 }, { verdict: 'BLOCKED', count: 3 }]);
  });

  it('keep the selected verdict even when nothing has it', () => {
    expect(verdictButtons([], 'INCOMPLETE')).toEqual([{ verdict: null, count: 0 }, { verdict: 'INCOMPLETE', count: 0 }]);
  });
});

describe('evidence links', () => {
  type Rec = NonNullable<EvidenceLink['record']>;
  const link = (recordId: string | null, url: string | null = null, record: Rec | null = null) => ({ label: 'x', recordId, url, record });

  it('lead batches and lots to their screens, with the key encoded', () => {
    expect(evidenceTarget(link('Lot:rp:LOT-API'))).toEqual({ kind: 'route', to: '/ui/lot/rp%3ALOT-API' });
    expect(evidenceTarget(link('Batch:plant:B-1'), 'other')).toEqual({ kind: 'route', to: '/ui/batch/plant%3AB-1' });
  });

  it('lead a test result to the lot or batch it was tested on, not to the batch being looked at', () => {
    expect(evidenceTarget(link('TestResult:rp:TR-DISS', null, { subject: { __typename: 'Lot', key: 'rp:LOT-TAB' } }), 'rp:B-TAB'))
      .toEqual({ kind: 'route', to: '/ui/lot/rp%3ALOT-TAB' });
    expect(evidenceTarget(link('TestResult:rp:TR-1', null, { subject: { __typename: 'Batch', key: 'rp:B-GRN' } }), 'rp:B-TAB'))
      .toEqual({ kind: 'route', to: '/ui/batch/rp%3AB-GRN?tab=results' });
    expect(evidenceTarget(link('TestResult:rp:TR-2', null, { subject: null }), 'rp:B-TAB')).toEqual({ kind: 'text' });
  });

  it('lead a deviation to this batch when it impacts it, else to what it impacts', () => {
    const impacts = [{ __typename: 'Lot', key: 'rp:LOT-API' }, { __typename: 'Batch', key: 'rp:B-GRN' }, { __typename: 'Batch', key: 'rp:B-TAB' }];
    expect(evidenceTarget(link('Deviation:rp:DEV-7', null, { impacts }), 'rp:B-TAB')).toEqual({ kind: 'route', to: '/ui/batch/rp%3AB-TAB?tab=deviations' });
    expect(evidenceTarget(link('Deviation:rp:DEV-7', null, { impacts }), 'other')).toEqual({ kind: 'route', to: '/ui/batch/rp%3AB-GRN?tab=deviations' });
    expect(evidenceTarget(link('Deviation:rp:DEV-8', null, { impacts: [{ __typename: 'Equipment' }, impacts[0]] }))).toEqual({ kind: 'route', to: '/ui/lot/rp%3ALOT-API' });
  });

  it('lead a batch signature to its signatures and a step record to the steps of this batch', () => {
    expect(evidenceTarget(link('Signature:rp:S-REV', null, { signs: { __typename: 'Batch', key: 'rp:B-TAB' } })))
      .toEqual({ kind: 'route', to: '/ui/batch/rp%3AB-TAB?tab=signatures' });
    expect(evidenceTarget(link('Signature:rp:S-1', null, { signs: { __typename: 'StepRecord' } }), 'rp:B-TAB')).toEqual({ kind: 'text' });
    expect(evidenceTarget(link('StepRecord:rp:SR-1'), 'rp:B-TAB')).toEqual({ kind: 'route', to: '/ui/batch/rp%3AB-TAB?tab=steps' });
  });

  it('name what has no screen (equipment, edges, unreadable records) and download files, but only from the hub', () => {
    expect(evidenceTarget(link('Equipment:rp:EQ-PRESS'), 'rp:B-TAB')).toEqual({ kind: 'text' });
    expect(evidenceTarget(link('CONSUMED_IN:plant:C-1'), 'rp:B-TAB')).toEqual({ kind: 'text' });
    expect(evidenceTarget(link(null))).toEqual({ kind: 'text' });
    expect(evidenceTarget(link(null, '/api/source-files/abc'))).toEqual({ kind: 'download', url: '/api/source-files/abc', name: 'x' });
    expect(evidenceTarget(link(null, 'https://elsewhere.example/x'))).toEqual({ kind: 'text' });
    expect(evidenceTarget(link(null, '//elsewhere.example/x'))).toEqual({ kind: 'text' });
  });
});

describe('score', () => {
  it('never shows a score with findings as 100 %', () => {
    expect(percent(1)).toBe('100%');
    expect(percent(0.999)).toBe('99%');
    expect(percent(0.5)).toBe('50%');
    expect(percent(0)).toBe('0%');
  });
});
