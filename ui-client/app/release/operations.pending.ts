// Rename to operations.test.ts at merge (once release.graphqls and release-alcoa.graphqls are on main): it then
// validates the release operations against the SDL like app/api/operations.test.ts does for the others.
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from '../api/hubSchema.test-support';
import { RELEASE_OPERATIONS } from './operations';

describe('release operations against the hub SDL', () => {
  const schema = hubSchema();
  it.each(Object.entries(RELEASE_OPERATIONS))('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
