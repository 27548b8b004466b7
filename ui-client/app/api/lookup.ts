import { graphqlPartial } from './hub';
import { toHubError } from './errors';
import { FIND_BY_KEY, type FindByKeyResult } from './operations';

export type Found = { kind: 'Batch' | 'Lot'; key: string } | undefined;

/** The keys to try for what a user typed: as typed, and in each namespace when they left it out. */
export function candidateKeys(input: string, namespaces: readonly string[]): string[] {
  const key = input.trim();
  if (key.length === 0) {
    return [];
  }
  if (/^(Batch|Lot):/.test(key)) {
    // a global ID pasted by habit: its key part
    return [key.slice(key.indexOf(':') + 1)];
  }
  return key.includes(':') ? [key] : [key, ...namespaces.map((ns) => ns + ':' + key)];
}

/** Finds a batch or lot by business key (not global ID); NOT_FOUND answers mean "not this one", others are errors. */
export async function findByKey(input: string, namespaces: readonly string[]): Promise<Found> {
  for (const key of candidateKeys(input, namespaces)) {
    const { data, errors } = await graphqlPartial<FindByKeyResult>(FIND_BY_KEY, { batch: 'Batch:' + key, lot: 'Lot:' + key });
    const real = errors.filter((e) => e.extensions?.classification !== 'NOT_FOUND');
    if (real.length > 0) {
      throw toHubError(real);
    }
    if (data?.batch) {
      return { kind: 'Batch', key: data.batch.key };
    }
    if (data?.lot) {
      return { kind: 'Lot', key: data.lot.key };
    }
  }
  return undefined;
}
