import { graphql } from '../api/hub';
import { TRACE, type TraceLink, type TraceResult, type TracedNode } from '../api/operations';
import type { Side } from './model';

export interface TracePage {
  nodes: TracedNode[];
  links: TraceLink[];
  complete: boolean;
  truncatedBy: string | null;
  cycleDetected: boolean;
  nodeCount: number;
  /** false when more pages existed than the UI fetches at once */
  allPagesLoaded: boolean;
}

const PAGE = 100;

/**
 * A trace of maxHops from one node, all its pages (100 per page, the API's limit): up to maxNodes nodes and twice as
 * many links (a genealogy that reconverges has more links than nodes). The hub keeps a trace between page reads.
 */
export async function fetchTrace(from: string, side: Side, maxHops: number, maxNodes = 5000): Promise<TracePage> {
  const nodes: TracedNode[] = [];
  const links: TraceLink[] = [];
  let nodesAfter: string | null = null;
  let linksAfter: string | null = null;
  let nodesDone = false;
  let linksDone = false;
  let last: TraceResult['trace'] | undefined;
  const maxPages = Math.ceil((2 * maxNodes) / PAGE);
  for (let page = 0; page < maxPages && !(nodesDone && linksDone); page++) {
    const r: TraceResult = await graphql<TraceResult>(TRACE, {
      from, direction: side === 'up' ? 'UPSTREAM' : 'DOWNSTREAM', maxHops, maxNodes, nodesAfter, linksAfter,
    });
    last = r.trace;
    if (!nodesDone) {
      nodes.push(...r.trace.nodes.edges.map((e) => e.node));
      nodesDone = !r.trace.nodes.pageInfo.hasNextPage;
      nodesAfter = r.trace.nodes.pageInfo.endCursor;
    }
    if (!linksDone) {
      links.push(...r.trace.links.edges.map((e) => e.node));
      linksDone = !r.trace.links.pageInfo.hasNextPage;
      linksAfter = r.trace.links.pageInfo.endCursor;
    }
  }
  const t = last as TraceResult['trace'];
  return { nodes, links, complete: t.complete, truncatedBy: t.truncatedBy, cycleDetected: t.cycleDetected,
    nodeCount: t.nodeCount, allPagesLoaded: nodesDone && linksDone };
}
