import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from '../api/hubSchema.test-support';
import { RELEASE_OPERATIONS } from './operations';

describe('release operations against the hub SDL', () => {
  const schema = hubSchema();
  it.each(Object.entries(RELEASE_OPERATIONS))('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('the release SDL is in the schema the check reads (a field it does not have is caught)', () => {
    const errors = validate(schema, parse('{ reviewQueue(batch: "rp:B-TAB") { exceptions { edges { node { accepted } } } } }'));
    expect(errors.map((e) => e.message).join()).toContain('accepted');
  });
});
