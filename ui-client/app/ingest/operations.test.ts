import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from '../api/hubSchema.test-support';
import { INGEST_OPERATIONS } from './operations';

describe('ingest review queue operations against the hub SDL', () => {
  const schema = hubSchema();
  it.each(Object.entries(INGEST_OPERATIONS))('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('the queue is paged by cursor only: a field the references do not have is caught', () => {
    const errors = validate(schema, parse('{ unlinkedReferences(first: 5) { edges { node { from sampleId } } } }'));
    expect(errors.map((e) => e.message).join()).toContain('sampleId');
  });
});
