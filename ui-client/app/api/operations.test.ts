import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from './hubSchema.test-support';
import { ALL_OPERATIONS } from './operations';

describe('UI operations against the hub SDL', () => {
  const schema = hubSchema();
  it.each(Object.entries(ALL_OPERATIONS))('%s is valid against the schema', (_name, document) => {
    const errors = validate(schema, parse(document)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('a misspelt field is caught (the check is not vacuous)', () => {
    const errors = validate(schema, parse('{ batch(id: "Batch:x") { keyy } }'));
    expect(errors.map((e) => e.message).join()).toContain('keyy');
  });
});
