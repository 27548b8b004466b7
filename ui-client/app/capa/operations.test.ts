import { type GraphQLEnumType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from '../api/hubSchema.test-support';
import { CAPA_STATES } from '../sign/operations';
import { CAPA_OPERATIONS } from './operations';

describe('CAPA reads against the hub SDL', () => {
  const schema = hubSchema();
  it.each(Object.entries(CAPA_OPERATIONS))('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('the UI knows every CAPA state of the SDL, in workflow order', () => {
    const all = (schema.getType('CapaStatus') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(CAPA_STATES).toEqual(all);
  });
});
