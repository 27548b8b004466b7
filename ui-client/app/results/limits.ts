/**
 * Where a reported value lies against its specification limits, for the results chart. The value is text as
 * reported ("<0.1", "98.7", "complies"): only a plain number is placed; anything else is shown as text, never
 * guessed.
 */
export interface Placement {
  numeric: boolean;
  value?: number;
  /** 'in' inside [lower, upper], 'below'/'above' outside, 'unbounded' when there are no limits */
  verdict: 'in' | 'below' | 'above' | 'unbounded' | 'not-numeric';
  /** 0..1 position on the chart's axis, which spans the limits plus a margin and the value */
  position?: number;
  lowerAt?: number;
  upperAt?: number;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function place(value: string | null, lower: number | null, upper: number | null): Placement {
  const text = (value ?? '').trim();
  if (!NUMBER.test(text)) {
    return { numeric: false, verdict: 'not-numeric' };
  }
  const v = Number(text);
  if (lower === null && upper === null) {
    return { numeric: true, value: v, verdict: 'unbounded' };
  }
  const verdict = lower !== null && v < lower ? 'below' : upper !== null && v > upper ? 'above' : 'in';
  const lo = lower ?? Math.min(v, upper as number);
  const hi = upper ?? Math.max(v, lower as number);
  const span = hi - lo || Math.abs(hi) || 1;
  const min = Math.min(lo - span * 0.25, v);
  const max = Math.max(hi + span * 0.25, v);
  const at = (x: number) => (max === min ? 0.5 : (x - min) / (max - min));
  return {
    numeric: true, value: v, verdict, position: at(v),
    lowerAt: lower === null ? undefined : at(lower), upperAt: upper === null ? undefined : at(upper),
  };
}
