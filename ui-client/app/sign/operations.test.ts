import { type GraphQLEnumType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from '../api/hubSchema.test-support';
import { CLASSIFICATIONS, DECISIONS, EXCEPTION_DECISIONS, NOT_BY_SIGN, SIGN_MEANINGS, SIGN_OPERATIONS } from './operations';

describe('signed commands against the hub SDL', () => {
  const schema = hubSchema();
  it.each(Object.entries(SIGN_OPERATIONS))('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it('the sign dialog offers every meaning of the SDL that a person gives with sign (not those of disposition or dispositionException), and no other', () => {
    const all = (schema.getType('SignatureMeaning') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(SIGN_MEANINGS.map((m) => m.meaning).sort()).toEqual(all.filter((m) => !NOT_BY_SIGN.includes(m)).sort());
  });

  it('the disposition dialog offers exactly the decisions of the SDL', () => {
    const all = (schema.getType('DispositionDecision') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(DECISIONS.map((d) => d.decision).sort()).toEqual([...all].sort());
  });

  it('the transition dialog offers exactly the deviation classifications of the SDL', () => {
    const all = (schema.getType('DeviationClassification') as GraphQLEnumType).getValues().map((v) => v.name);
    expect([...CLASSIFICATIONS].sort()).toEqual([...all].sort());
  });

  it('the exception dialog offers exactly the exception decisions of the SDL', () => {
    const all = (schema.getType('ExceptionDecision') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(EXCEPTION_DECISIONS.map((d) => d.decision).sort()).toEqual([...all].sort());
  });
});
