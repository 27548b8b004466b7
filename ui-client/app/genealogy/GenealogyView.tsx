import cytoscape, { type Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorPanel, Loading } from '../ui/states';
import { fetchTrace } from './fetch';
import { aggregateId, canExpand, columnLayout, emptyGenealogy, mergeTrace, view, type Genealogy, type Side, type ViewNode } from './model';

const FAN_OUT = 12;

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 10, 'text-valign': 'center',
    'text-halign': 'center', width: 120, height: 38, 'background-color': '#dfe7f1', 'border-width': 1, 'border-color': '#5b6b7d' } },
  { selector: 'node[kind = "Batch"]', style: { shape: 'round-rectangle', 'background-color': '#d8ecdf' } },
  { selector: 'node[kind = "Lot"]', style: { shape: 'ellipse' } },
  { selector: 'node[kind = "Aggregate"]', style: { shape: 'round-rectangle', 'border-style': 'dashed', 'background-color': '#fff7d6' } },
  { selector: 'node[?start]', style: { 'border-width': 3, 'border-color': '#1d4f91' } },
  { selector: 'node[?expandable]', style: { 'border-style': 'double', 'border-width': 4 } },
  { selector: 'node:selected', style: { 'background-color': '#ffd27f' } },
  { selector: 'node[status = "REJECTED"], node[status = "QUARANTINE"]', style: { color: '#9b1c1c' } },
  { selector: 'edge', style: { width: 1.2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#8a99aa', 'target-arrow-color': '#8a99aa' } },
];

interface Props {
  /** global ID of the start (Lot:… or Batch:…) */
  start: string;
  /** highlight these nodes (e.g. recall-impacted lots and batches) */
  highlight?: ReadonlySet<string>;
  /** which sides to trace first */
  sides?: Side[];
  /** how many hops the first trace of each side takes (more on demand) */
  initialHops?: number;
}

/** Genealogy upstream and downstream of a lot or batch: one hop per side first, more on demand, large fan-outs folded. */
export function GenealogyView({ start, highlight, sides = ['up', 'down'], initialHops = 1 }: Props) {
  const [g, setG] = useState<Genealogy>(() => emptyGenealogy(start));
  const [opened, setOpened] = useState<Map<string, number>>(new Map());
  const [selected, setSelected] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>('genealogy');
  const [error, setError] = useState<unknown>();
  const [notes, setNotes] = useState<string[]>([]);
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  const expand = useCallback(async (id: string, side: Side, hops = 1) => {
    setBusy(`${side === 'up' ? 'upstream' : 'downstream'} of ${id}`);
    setError(undefined);
    try {
      const t = await fetchTrace(id, side, hops);
      const complete = t.allPagesLoaded && (t.truncatedBy === null || t.truncatedBy === 'HOP_LIMIT');
      setG((current) => mergeTrace(current, id, side, t.nodes, t.links, complete ? hops : 1));
      const note = [
        !t.allPagesLoaded ? `only the first pages of ${t.nodeCount} nodes were loaded ${side}stream of ${id}` : '',
        t.cycleDetected ? `a cycle was detected ${side}stream of ${id} (an import error)` : '',
        t.truncatedBy && t.truncatedBy !== 'HOP_LIMIT' ? `trace ${side}stream of ${id} cut by ${t.truncatedBy}` : '',
      ].filter(Boolean);
      if (note.length) {
        setNotes((n) => [...n, ...note]);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    const fresh = emptyGenealogy(start);
    setG(fresh);
    setOpened(new Map());
    setNotes([]);
    (async () => {
      for (const side of sides) {
        if (!cancelled) {
          await expand(start, side, initialHops);
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [start, expand]);

  const v = useMemo(() => view(g, FAN_OUT, opened), [g, opened]);

  const openAggregate = useCallback((agg: string) => {
    setOpened((o) => new Map(o).set(agg, (o.get(agg) ?? 0) + FAN_OUT));
  }, []);

  useEffect(() => {
    if (!container.current) {
      return;
    }
    const instance = cytoscape({ container: container.current, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 3 });
    cy.current = instance;
    return () => instance.destroy();
  }, []);

  useEffect(() => {
    const c = cy.current;
    if (!c) {
      return;
    }
    const pos = columnLayout(v.nodes);
    c.batch(() => {
      c.elements().remove();
      c.add(v.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.label, kind: n.kind, status: n.status, start: n.id === start,
          expandable: n.kind !== 'Aggregate' && canExpand(g, n.id).length > 0 },
        position: pos.get(n.id),
        classes: highlight?.has(n.id) ? 'hit' : '',
      })));
      c.add(v.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.from, target: e.to } })));
    });
    c.style().selector('.hit').style({ 'background-color': '#f6b3b3', 'border-color': '#9b1c1c' }).update();
    c.fit(undefined, 30);
    // a small graph is not blown up to fill the canvas
    if (c.zoom() > 1) {
      c.zoom(1);
      c.center();
    }
    c.off('tap');
    c.on('tap', 'node', (evt) => {
      const id = evt.target.id() as string;
      if (id.startsWith('agg:')) {
        openAggregate(id);
      } else {
        setSelected(id);
      }
    });
    c.off('dbltap');
    c.on('dbltap', 'node', (evt) => {
      const id = evt.target.id() as string;
      canExpand(g, id).forEach((s) => void expand(id, s));
    });
  }, [v, g, start, highlight, expand, openAggregate]);

  const sel = selected ? g.nodes.get(selected) : undefined;
  const records = v.nodes.filter((n) => n.kind !== 'Aggregate');
  const aggregates = v.nodes.filter((n) => n.kind === 'Aggregate');

  return (
    <div className="genealogy">
      <p className="hint" data-testid="genealogy-summary" data-shown={records.length} data-loaded={g.nodes.size} data-folded={v.hiddenTotal}
         data-busy={busy ? 'true' : 'false'}>
        {records.length} shown of {g.nodes.size} loaded{v.hiddenTotal > 0 ? `, ${v.hiddenTotal} folded into groups` : ''}.
        Click a node to select it, a “+N more” group to show more, double-click (or use the table) to expand a node.
      </p>
      {busy ? <Loading what={busy} /> : null}
      {error ? <ErrorPanel error={error} /> : null}
      {notes.map((n) => <p key={n} className="state warning" role="status">{n}</p>)}
      <div className="genealogy-body">
        <div ref={container} className="graph" data-testid="genealogy-graph" aria-label="genealogy graph" role="img" />
        <aside className="selection" aria-live="polite">
          {sel ? (
            <>
              <h3>{sel.kind} {sel.key}</h3>
              <p>Status {sel.status || '—'}; {sel.hop === 0 ? 'start' : `${Math.abs(sel.hop)} hop(s) ${sel.hop < 0 ? 'upstream' : 'downstream'}`}</p>
              <NodeActions node={sel} g={g} expand={expand} />
            </>
          ) : <p className="hint">No node selected.</p>}
        </aside>
      </div>
      <details className="node-table">
        <summary>Genealogy as a table ({records.length} nodes{aggregates.length ? `, ${aggregates.length} groups` : ''})</summary>
        <table className="grid" data-testid="genealogy-table">
          <thead><tr><th>Hop</th><th>Kind</th><th>Key</th><th>Status</th><th>Actions</th></tr></thead>
          <tbody>
            {[...records, ...aggregates].sort((a, b) => a.hop - b.hop).map((n: ViewNode) => (
              <tr key={n.id} data-node={n.id} data-kind={n.kind}>
                <td>{n.hop}</td><td>{n.kind === 'Aggregate' ? 'group' : n.kind}</td>
                <td>{n.kind === 'Aggregate' ? n.label : g.nodes.get(n.id)?.key}</td><td>{n.status}</td>
                <td>{n.kind === 'Aggregate'
                  ? <button type="button" data-open-group={n.id} onClick={() => openAggregate(aggregateId(n.parent as string, n.side as Side))}>Show {FAN_OUT} more</button>
                  : <NodeActions node={g.nodes.get(n.id)!} g={g} expand={expand} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function NodeActions({ node, g, expand }: { node: { id: string; kind: string; key: string }; g: Genealogy; expand: (id: string, side: Side) => Promise<void> }) {
  const sides = canExpand(g, node.id);
  return (
    <span className="actions">
      <Link to={`/ui/${node.kind === 'Batch' ? 'batch' : 'lot'}/${encodeURIComponent(node.key)}`}>Open</Link>
      {sides.map((s) => (
        <button key={s} type="button" data-expand={node.id} onClick={() => void expand(node.id, s)}>
          Expand {s === 'up' ? 'upstream' : 'downstream'}
        </button>
      ))}
    </span>
  );
}
