import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';

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
