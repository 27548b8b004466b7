import { describe, expect, it } from 'vitest';
import { countText, firstPage, ingestTabs, nextPage, recordRoute, tabFromParams, valueWithUnit } from './model';

const page = <T,>(nodes: T[], endCursor: string | null) =>
  ({ edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: endCursor !== null, endCursor } });

describe('the Ingest screen and its review queue of unlinked records', () => {
  it('the unlinked tab is offered to QA, inspectors and admins, never to the adapter that uploads', () => {
    // the SDL's @roles on unlinkedResults and unlinkedReferences: QA_REVIEWER, QA_RELEASE, INSPECTOR, ADMIN
    for (const role of ['qa-reviewer', 'qa-release', 'inspector', 'admin']) {
      expect(ingestTabs([role]).map((t) => t.tab)).toEqual(['files', 'unlinked']);
    }
    expect(ingestTabs(['adapter']).map((t) => t.tab)).toEqual(['files']);
    expect(ingestTabs(['operator']).map((t) => t.tab)).toEqual([]);
    expect(ingestTabs(['adapter', 'inspector']).map((t) => t.tab)).toEqual(['files', 'unlinked']);
  });

  it('the tab comes from the URL; an unknown one is the files tab', () => {
    expect(tabFromParams(new URLSearchParams('tab=unlinked'))).toBe('unlinked');
    expect(tabFromParams(new URLSearchParams('tab=files'))).toBe('files');
    expect(tabFromParams(new URLSearchParams('tab=UNLINKED'))).toBe('files');
    expect(tabFromParams(new URLSearchParams(''))).toBe('files');
  });

  it('pages are appended in order and the last cursor is kept until the hub says there is no next page', () => {
    const one = firstPage(page(['r1', 'r2'], 'c2'));
    expect(one).toEqual({ rows: ['r1', 'r2'], after: 'c2' });
    const two = nextPage(one, page(['r3'], null));
    expect(two).toEqual({ rows: ['r1', 'r2', 'r3'], after: null });
    expect(firstPage(page([], null))).toEqual({ rows: [], after: null });
  });

  it('the count says when more are waiting on the hub rather than passing a page for the total', () => {
    expect(countText({ rows: ['a'], after: null }, 'result', 'results')).toBe('1 result');
    expect(countText({ rows: ['a', 'b', 'c'], after: null }, 'result', 'results')).toBe('3 results');
    expect(countText({ rows: Array(25).fill('x'), after: 'c25' }, 'reference', 'references'))
      .toBe('25 references loaded, more to load');
  });

  it('a value is shown exactly as reported, with its unit when there is one', () => {
    expect(valueWithUnit('<0.05', '%')).toBe('<0.05 %');
    expect(valueWithUnit('conforms', null)).toBe('conforms');
    expect(valueWithUnit(null, 'mg')).toBe('—');
    expect(valueWithUnit('', 'mg')).toBe('—');
  });

  it('a referring lot or batch links to its screen (its key may hold colons); other records are only named', () => {
    expect(recordRoute('Lot:site:LOT-20121210-0001')).toBe('/ui/lot/site%3ALOT-20121210-0001');
    expect(recordRoute('Batch:site:B 7/1')).toBe('/ui/batch/site%3AB%207%2F1');
    expect(recordRoute('Material:site:CRBN0001')).toBeNull();
    expect(recordRoute('not a record id')).toBeNull();
  });
});
