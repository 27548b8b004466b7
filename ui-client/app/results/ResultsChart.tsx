import type { ReactNode } from 'react';
import type { TestResult } from '../api/operations';
import { ProvenanceLine } from '../ui/provenance';
import { Empty, formatTime } from '../ui/states';
import { place } from './limits';

const W = 260;
const H = 22;

/** Each result on its own axis: the spec range as a band, the value as a dot, red when outside. */
export function ResultsChart({ results, action }: { results: TestResult[]; action?: (r: TestResult) => ReactNode }) {
  if (results.length === 0) {
    return <Empty>No test results recorded.</Empty>;
  }
  return (
    <table className="grid results" data-testid="results">
      <thead><tr><th>Test</th><th>Value</th><th>Limits</th><th>Against limits</th><th>Outcome</th><th>Tested</th><th>Source</th>{action ? <th><span className="hint">Sign</span></th> : null}</tr></thead>
      <tbody>
        {results.map((r) => {
          // a qualified value (<0.05) bounds the result: shown as written, never placed as if measured
          const p = place(r.qualifier ? null : r.value, r.lowerLimit, r.upperLimit);
          const shown = r.value === null ? (r.qualifier ?? r.rawValue) : (r.qualifier ?? '') + r.value;
          const how = [r.method, r.instrument].filter((x) => x).join(' · ');
          const limits = `${r.lowerLimit ?? '−∞'} … ${r.upperLimit ?? '+∞'} ${r.unit ?? ''}`;
          return (
            <tr key={r.id} className={r.outcome === 'OOS' ? 'oos' : ''}>
              <td>{r.test}{how ? <div className="hint">{how}</div> : null}</td>
              <td>{shown ?? '—'} {r.unit ?? ''}</td>
              <td>{r.lowerLimit === null && r.upperLimit === null ? 'none' : limits}</td>
              <td>
                {p.position === undefined ? <span className="hint">{p.verdict !== 'not-numeric' ? 'no limits' : r.qualifier ? 'qualified' : 'not a number'}</span> : (
                  <svg width={W} height={H} role="img" aria-label={`${r.test}: ${r.value} is ${p.verdict === 'in' ? 'within' : p.verdict} limits ${limits}`}>
                    <line x1={0} x2={W} y1={H / 2} y2={H / 2} stroke="#b8c2cc" />
                    <rect x={(p.lowerAt ?? 0) * W} width={((p.upperAt ?? 1) - (p.lowerAt ?? 0)) * W} y={4} height={H - 8} fill="#cfe8d6" />
                    {p.lowerAt !== undefined ? <line x1={p.lowerAt * W} x2={p.lowerAt * W} y1={2} y2={H - 2} stroke="#2f6d3f" /> : null}
                    {p.upperAt !== undefined ? <line x1={p.upperAt * W} x2={p.upperAt * W} y1={2} y2={H - 2} stroke="#2f6d3f" /> : null}
                    <circle cx={Math.min(W - 5, Math.max(5, p.position * W))} cy={H / 2} r={5} fill={p.verdict === 'in' ? '#1d4f91' : '#c62828'} />
                  </svg>
                )}
              </td>
              <td><span className={'status s-' + r.outcome}>{r.outcome}</span></td>
              <td>{formatTime(r.testedAt)}{r.analyst ? <div className="hint">{r.analyst}</div> : null}</td>
              <td><ProvenanceLine p={r.provenance} /></td>
              {action ? <td>{action(r)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
