import { describe, expect, it } from 'vitest';
import { capaKey, capaProgress, deviationHome, statusFromParams } from './model';

describe('CAPA screens', () => {
  it('the list filter is a CAPA state from the URL, anything else every state', () => {
    expect(statusFromParams(new URLSearchParams('status=IMPLEMENTED'))).toBe('IMPLEMENTED');
    expect(statusFromParams(new URLSearchParams('status=implemented'))).toBeNull();
    expect(statusFromParams(new URLSearchParams('status=DROP'))).toBeNull();
    expect(statusFromParams(new URLSearchParams(''))).toBeNull();
  });

  it('the workflow shows the states before the current one as done, the later ones as to come', () => {
    expect(capaProgress('IMPLEMENTED')).toEqual([
      { state: 'OPENED', at: 'done' }, { state: 'IMPLEMENTED', at: 'current' },
      { state: 'EFFECTIVENESS_CHECKED', at: 'next' }, { state: 'CLOSED', at: 'next' },
    ]);
    expect(capaProgress('CLOSED').map((p) => p.at)).toEqual(['done', 'done', 'done', 'current']);
  });

  it('a deviation opens on the deviations tab of the batch it impacts, else on its lot, else nowhere', () => {
    expect(deviationHome([{ __typename: 'Equipment' }, { __typename: 'Lot', key: 'L 1' }, { __typename: 'Batch', key: 'rp:B/1' }]))
      .toBe('/ui/batch/rp%3AB%2F1?tab=deviations');
    expect(deviationHome([{ __typename: 'Lot', key: 'L-1' }])).toBe('/ui/lot/L-1');
    expect(deviationHome([{ __typename: 'Equipment' }])).toBeNull();
  });

  it('the page URL takes the key of a CAPA ID', () => {
    expect(capaKey('Capa:hub:capa:1')).toBe('hub:capa:1');
    expect(capaKey('hub:capa:1')).toBe('hub:capa:1');
  });
});
