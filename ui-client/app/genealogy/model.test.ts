import { describe, expect, it } from 'vitest';
import { aggregateId, canExpand, columnLayout, emptyGenealogy, mergeTrace, outward, view, type TraceNodeIn } from './model';

const lot = (key: string, hop: number): TraceNodeIn => ({ id: 'Lot:' + key, hop, record: { __typename: 'Lot', key, lotStatus: 'RELEASED', materialKey: 'm:API' } });
const batch = (key: string, hop: number): TraceNodeIn => ({ id: 'Batch:' + key, hop, record: { __typename: 'Batch', key, batchStatus: 'COMPLETED', stage: 'GR' } });
const link = (from: string, to: string) => ({ from, to, relationship: from.startsWith('Lot') ? 'CONSUMED_IN' : 'PRODUCED' });

describe('genealogy model', () => {
  it('places upstream nodes at negative hops and downstream at positive ones', () => {
    let g = emptyGenealogy('Batch:B1');
    g = mergeTrace(g, 'Batch:B1', 'up', [batch('B1', 0), lot('L0', 1)], [link('Lot:L0', 'Batch:B1')]);
    g = mergeTrace(g, 'Batch:B1', 'down', [batch('B1', 0), lot('L2', 1)], [link('Batch:B1', 'Lot:L2')]);
    expect(g.nodes.get('Lot:L0')?.hop).toBe(-1);
    expect(g.nodes.get('Lot:L2')?.hop).toBe(1);
    expect(canExpand(g, 'Batch:B1')).toEqual([]);
    expect(canExpand(g, 'Lot:L0')).toEqual(['up']);
    expect(canExpand(g, 'Lot:L2')).toEqual(['down']);
  });

  it('an expansion adds hops relative to the expanded node and keeps the nearer hop of a known node', () => {
    let g = emptyGenealogy('Batch:B1');
    g = mergeTrace(g, 'Batch:B1', 'down', [batch('B1', 0), lot('L2', 1)], [link('Batch:B1', 'Lot:L2')]);
    g = mergeTrace(g, 'Lot:L2', 'down', [lot('L2', 0), batch('B3', 1)], [link('Lot:L2', 'Batch:B3')]);
    expect(g.nodes.get('Batch:B3')?.hop).toBe(2);
    expect(g.nodes.get('Lot:L2')?.hop).toBe(1);
    expect(outward(g, 'Lot:L2', 'down').map((n) => n.id)).toEqual(['Batch:B3']);
    expect(canExpand(g, 'Lot:L2')).toEqual([]);
  });

  it('a deeper trace marks the nodes before its last hop as expanded', () => {
    let g = emptyGenealogy('Lot:L1');
    g = mergeTrace(g, 'Lot:L1', 'down', [lot('L1', 0), batch('B2', 1), lot('L3', 2)],
      [link('Lot:L1', 'Batch:B2'), link('Batch:B2', 'Lot:L3')], 2);
    expect(canExpand(g, 'Batch:B2')).toEqual([]);
    expect(canExpand(g, 'Lot:L3')).toEqual(['down']);
  });

  it('folds a large fan-out into one aggregate node that opens progressively', () => {
    const children = Array.from({ length: 40 }, (_, i) => batch('B' + String(i).padStart(3, '0'), 1));
    let g = emptyGenealogy('Lot:L1');
    g = mergeTrace(g, 'Lot:L1', 'down', [lot('L1', 0), ...children], children.map((c) => link('Lot:L1', c.id)));
    const first = view(g, 10);
    expect(first.nodes.filter((n) => n.kind === 'Batch')).toHaveLength(10);
    const agg = first.nodes.find((n) => n.kind === 'Aggregate');
    expect(agg?.hidden).toBe(30);
    expect(agg?.label).toBe('+30 more batches');
    const more = view(g, 10, new Map([[aggregateId('Lot:L1', 'down'), 10]]));
    expect(more.nodes.filter((n) => n.kind === 'Batch')).toHaveLength(20);
    expect(more.nodes.find((n) => n.kind === 'Aggregate')?.hidden).toBe(20);
  });

  it('draws a 5,000-node genealogy as a few dozen nodes, quickly', () => {
    const lots = Array.from({ length: 100 }, (_, i) => lot('L' + i, 1));
    const batches = Array.from({ length: 4900 }, (_, i) => batch('B' + i, 2));
    let g = emptyGenealogy('Batch:START');
    g = mergeTrace(g, 'Batch:START', 'down', [batch('START', 0), ...lots, ...batches],
      [...lots.map((l) => link('Batch:START', l.id)), ...batches.map((b, i) => link(lots[i % 100].id, b.id))]);
    for (const l of lots) {
      g.expanded.add(l.id + '@down');
    }
    const t0 = performance.now();
    const v = view(g, 12);
    const elapsed = performance.now() - t0;
    expect(g.nodes.size).toBe(5001);
    expect(v.nodes.length).toBeLessThan(200);
    // the start, 12 lots and 12 batches behind each; 88 lots and 12 × 37 batches folded (the 88 lots' batches lie behind them)
    expect(v.nodes.filter((n) => n.kind !== 'Aggregate')).toHaveLength(1 + 12 + 144);
    expect(v.hiddenTotal).toBe(88 + 12 * 37);
    expect(elapsed).toBeLessThan(1000);
  });

  it('lays hops out as columns, upstream left', () => {
    const pos = columnLayout([
      { id: 'a', kind: 'Lot', label: '', hop: -1, status: '' },
      { id: 'b', kind: 'Batch', label: '', hop: 0, status: '' },
      { id: 'c', kind: 'Lot', label: '', hop: 1, status: '' },
      { id: 'd', kind: 'Lot', label: '', hop: 1, status: '' },
    ]);
    expect(pos.get('a')!.x).toBeLessThan(pos.get('b')!.x);
    expect(pos.get('c')!.x).toBe(pos.get('d')!.x);
    expect(pos.get('c')!.y).not.toBe(pos.get('d')!.y);
  });
});
