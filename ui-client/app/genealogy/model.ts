/**
 * The genealogy a user has explored so far, and the view drawn from it. Traces are merged as they arrive (expand
 * on demand); the view shows at most `fanOut` neighbours of a node per side and folds the rest into one aggregate
 * node, which opens a further `fanOut` per click. So a 5,000-node genealogy draws a few dozen nodes, not 5,000.
 */

export type Kind = 'Lot' | 'Batch';
export type Side = 'up' | 'down';

export interface GNode {
  id: string;
  kind: Kind;
  key: string;
  status: string;
  label: string;
  /** signed distance from the start: negative upstream, positive downstream */
  hop: number;
}

export interface Genealogy {
  startId: string;
  nodes: Map<string, GNode>;
  /** downstream edges "from→to" */
  links: Map<string, { from: string; to: string; relationship: string }>;
  /** nodes whose neighbours on their outward side(s) were fetched */
  expanded: Set<string>;
}

export interface TraceNodeIn {
  id: string;
  hop: number;
  record: { __typename: string; key?: string; lotStatus?: string; batchStatus?: string; materialKey?: string; productKey?: string; stage?: string };
}

export function emptyGenealogy(startId: string): Genealogy {
  return { startId, nodes: new Map(), links: new Map(), expanded: new Set() };
}

function toNode(n: TraceNodeIn, hop: number): GNode {
  const r = n.record;
  const kind: Kind = r.__typename === 'Batch' ? 'Batch' : 'Lot';
  const key = r.key ?? n.id.replace(/^\w+:/, '');
  const short = key.includes(':') ? key.slice(key.lastIndexOf(':') + 1) : key;
  const detail = kind === 'Batch' ? (r.stage ?? r.productKey ?? '') : (r.materialKey ?? '').replace(/^.*:/, '');
  return { id: n.id, kind, key, status: (kind === 'Batch' ? r.batchStatus : r.lotStatus) ?? '', label: detail ? `${short}\n${detail}` : short, hop };
}

/**
 * Merges a trace of `depth` hops taken from `fromId` in one direction. Hops are made absolute from the start; a node
 * already known keeps the hop nearer the start (the trace's shortest-path rule). Marks `fromId`, and every node the
 * trace reached before its last hop, expanded on that side. A trace cut by its node budget must pass depth 1.
 */
export function mergeTrace(g: Genealogy, fromId: string, side: Side, nodes: TraceNodeIn[],
                           links: { from: string; to: string; relationship: string }[], depth = 1): Genealogy {
  const next: Genealogy = { startId: g.startId, nodes: new Map(g.nodes), links: new Map(g.links), expanded: new Set(g.expanded) };
  const base = next.nodes.get(fromId)?.hop ?? 0;
  const sign = side === 'down' ? 1 : -1;
  for (const n of nodes) {
    const hop = n.id === fromId ? base : base + sign * n.hop;
    const known = next.nodes.get(n.id);
    if (!known || Math.abs(hop) < Math.abs(known.hop)) {
      next.nodes.set(n.id, toNode(n, hop));
    }
  }
  for (const l of links) {
    next.links.set(l.from + '→' + l.to, l);
  }
  next.expanded.add(expandKey(fromId, side));
  // a trace of depth hops has fetched the neighbours of every node it reached before its last hop
  for (const n of nodes) {
    if (n.hop < depth) {
      next.expanded.add(expandKey(n.id, side));
    }
  }
  return next;
}

export function expandKey(id: string, side: Side): string {
  return id + '@' + side;
}

/** The side(s) a node grows on: the start both, a node upstream of it up, downstream down. */
export function outwardSides(g: Genealogy, id: string): Side[] {
  const hop = g.nodes.get(id)?.hop ?? 0;
  return id === g.startId ? ['up', 'down'] : hop < 0 ? ['up'] : ['down'];
}

export function canExpand(g: Genealogy, id: string): Side[] {
  return outwardSides(g, id).filter((s) => !g.expanded.has(expandKey(id, s)));
}

/** Neighbours of id one hop further out on a side, ordered by key. */
export function outward(g: Genealogy, id: string, side: Side): GNode[] {
  const self = g.nodes.get(id);
  if (!self) {
    return [];
  }
  const want = side === 'down' ? self.hop + 1 : self.hop - 1;
  const result: GNode[] = [];
  for (const l of g.links.values()) {
    const other = side === 'down' ? (l.from === id ? l.to : undefined) : (l.to === id ? l.from : undefined);
    const n = other ? g.nodes.get(other) : undefined;
    if (n && n.hop === want) {
      result.push(n);
    }
  }
  return result.sort((a, b) => a.key.localeCompare(b.key));
}

export interface ViewNode { id: string; kind: Kind | 'Aggregate'; label: string; hop: number; status: string; hidden?: number; parent?: string; side?: Side }
export interface ViewEdge { id: string; from: string; to: string }
export interface View { nodes: ViewNode[]; edges: ViewEdge[]; hiddenTotal: number }

/** The aggregate node that stands for the hidden neighbours of parent on side. */
export function aggregateId(parent: string, side: Side): string {
  return `agg:${side}:${parent}`;
}

/**
 * What to draw: from the start outwards, each visible node shows its first fanOut + opened[aggregate] outward
 * neighbours; the rest become one aggregate node counting them. Edges are drawn among visible nodes only.
 */
export function view(g: Genealogy, fanOut: number, opened: ReadonlyMap<string, number> = new Map()): View {
  const visible = new Map<string, ViewNode>();
  const aggregates: ViewNode[] = [];
  const aggEdges: ViewEdge[] = [];
  const start = g.nodes.get(g.startId);
  if (!start) {
    return { nodes: [], edges: [], hiddenTotal: 0 };
  }
  let hiddenTotal = 0;
  visible.set(start.id, { ...start });
  const queue: string[] = [start.id];
  const shownBy = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const side of outwardSides(g, id)) {
      const children = outward(g, id, side);
      const agg = aggregateId(id, side);
      const limit = fanOut + (opened.get(agg) ?? 0);
      children.forEach((c, i) => {
        if (i < limit && !visible.has(c.id)) {
          visible.set(c.id, { ...c });
          queue.push(c.id);
        }
        if (i < limit) {
          shownBy.add(c.id);
        }
      });
      const hidden = children.slice(limit).filter((c) => !shownBy.has(c.id) && !visible.has(c.id)).length;
      if (hidden > 0) {
        hiddenTotal += hidden;
        const self = visible.get(id) as ViewNode;
        const hop = side === 'down' ? self.hop + 1 : self.hop - 1;
        const kind = children[limit]?.kind === 'Batch' ? 'batches' : 'lots';
        aggregates.push({ id: agg, kind: 'Aggregate', label: `+${hidden} more ${kind}`, hop, status: '', hidden, parent: id, side });
        aggEdges.push(side === 'down' ? { id: 'e:' + agg, from: id, to: agg } : { id: 'e:' + agg, from: agg, to: id });
      }
    }
  }
  const edges: ViewEdge[] = [];
  for (const [k, l] of g.links) {
    if (visible.has(l.from) && visible.has(l.to)) {
      edges.push({ id: k, from: l.from, to: l.to });
    }
  }
  return { nodes: [...visible.values(), ...aggregates], edges: [...edges, ...aggEdges], hiddenTotal };
}

/** Column layout: hop decides x (upstream left, downstream right), order within the hop decides y. */
export function columnLayout(nodes: ViewNode[], dx = 190, dy = 56): Map<string, { x: number; y: number }> {
  const byHop = new Map<number, ViewNode[]>();
  for (const n of nodes) {
    const list = byHop.get(n.hop) ?? [];
    list.push(n);
    byHop.set(n.hop, list);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [hop, list] of byHop) {
    list.forEach((n, i) => positions.set(n.id, { x: hop * dx, y: (i - (list.length - 1) / 2) * dy }));
  }
  return positions;
}
