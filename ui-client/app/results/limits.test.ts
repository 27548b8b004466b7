import { describe, expect, it } from 'vitest';
import { place } from './limits';

describe('results against limits', () => {
  it('places a value inside its limits between the limit marks', () => {
    const p = place('98.7', 95, 105);
    expect(p.verdict).toBe('in');
    expect(p.position!).toBeGreaterThan(p.lowerAt!);
    expect(p.position!).toBeLessThan(p.upperAt!);
  });

  it('says below and above when a value is outside', () => {
    expect(place('94.9', 95, 105).verdict).toBe('below');
    expect(place('105.01', 95, 105).verdict).toBe('above');
    expect(place('200', 95, 105).position).toBe(1);
  });

  it('handles one-sided limits', () => {
    expect(place('0.3', null, 0.5).verdict).toBe('in');
    expect(place('0.7', null, 0.5).verdict).toBe('above');
    expect(place('3', 5, null).verdict).toBe('below');
  });

  it('never guesses a number from text such as "<0.1" or "complies"', () => {
    expect(place('<0.1', null, 0.5).verdict).toBe('not-numeric');
    expect(place('complies', null, null).numeric).toBe(false);
    expect(place(null, 1, 2).numeric).toBe(false);
  });

  it('a value without limits is numeric but unbounded', () => {
    expect(place('7', null, null)).toEqual({ numeric: true, value: 7, verdict: 'unbounded' });
  });
});
