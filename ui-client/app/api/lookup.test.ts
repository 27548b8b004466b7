import { describe, expect, it } from 'vitest';
import { candidateKeys } from './lookup';

describe('search by key', () => {
  it('tries a key without namespace in every namespace, as typed first', () => {
    expect(candidateKeys(' B-GR-0001 ', ['synthplant', 'site'])).toEqual(['B-GR-0001', 'synthplant:B-GR-0001', 'site:B-GR-0001']);
  });

  it('takes a namespaced key as it is', () => {
    expect(candidateKeys('site:LOT-7', ['synthplant'])).toEqual(['site:LOT-7']);
  });

  it('reduces a pasted global ID to its key', () => {
    expect(candidateKeys('Lot:site:LOT-7', ['synthplant'])).toEqual(['site:LOT-7']);
  });

  it('tries nothing for blank input', () => {
    expect(candidateKeys('  ', ['synthplant'])).toEqual([]);
  });
});
