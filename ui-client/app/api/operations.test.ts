import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_OPERATIONS } from './operations';

const SDL_DIR = join(__dirname, '../../../schema/src/main/resources/graphql');

/**
 * The hub's schema as Spring for GraphQL serves it: the SDL files plus the Connection, Edge and PageInfo types its
 * ConnectionTypeDefinitionConfigurer adds for every XConnection the SDL names without declaring.
 */
export function hubSchema() {
  const sdl = readdirSync(SDL_DIR).filter((f) => f.endsWith('.graphqls')).sort()
    .map((f) => readFileSync(join(SDL_DIR, f), 'utf8')).join('\n');
  const declared = new Set([...sdl.matchAll(/\btype\s+(\w+)/g)].map((m) => m[1]));
  const connections = new Set([...sdl.matchAll(/\b(\w+)Connection\b/g)].map((m) => m[1]));
  const generated = [...connections].filter((t) => !declared.has(t + 'Connection')).map((t) => `
    type ${t}Connection { edges: [${t}Edge]! pageInfo: PageInfo! }
    type ${t}Edge { node: ${t}! cursor: String! }`).join('\n');
  const pageInfo = declared.has('PageInfo') ? '' :
    'type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String endCursor: String }';
  return buildSchema(sdl + generated + pageInfo);
}

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
