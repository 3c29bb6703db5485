import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReadTask } from '@/lib/read-model/tasks';
import { useSeededTestDb } from '@/lib/testing/test-db';
import { OPENAPI_DOCUMENT } from './openapi';

type Schema = { $ref?: string; type?: string | string[]; required?: string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
const doc = OPENAPI_DOCUMENT as unknown as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };

/** Every route handler under app/api with the methods it exports, as OpenAPI paths (`[code]` → `{code}`). */
function apiRoutes(): { path: string; methods: string[] }[] {
  const root = path.resolve(import.meta.dirname, '../../app');
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const text = readFileSync(full, 'utf8');
        const methods = [...text.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        found.push({ path: `/${path.relative(root, dir).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'), methods });
      }
    }
  };
  walk(path.join(root, 'api'));
  // The catch-all answers unknown API paths with 404; next-auth's routes are the sign-in flow the description explains.
  return found.filter((r) => !r.path.includes('[...'));
}

/** Checks a value against a schema of the document: types, enums and exactly the required keys of each object. */
function conform(schema: Schema, value: unknown, at: string): void {
  if (schema.$ref) return conform(doc.components.schemas[schema.$ref.split('/').pop()!]!, value, at);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const typeOf = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length) expect(types.includes(typeOf) || (typeOf === 'integer' && types.includes('number')), `${at}: ${typeOf} is not ${types.join('|')}`).toBe(true);
  if (schema.enum) expect(schema.enum, at).toContain(value);
  if (typeOf === 'object') {
    const v = value as Record<string, unknown>;
    if (schema.required) expect(Object.keys(v).sort(), `${at}: keys`).toEqual([...schema.required].sort());
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (key in v) conform(sub, v[key], `${at}.${key}`);
  }
  if (typeOf === 'array' && schema.items) (value as unknown[]).forEach((item, i) => conform(schema.items!, item, `${at}[${i}]`));
}

describe('the OpenAPI document', () => {
  it('describes every API route and each method it answers', () => {
    const routes = apiRoutes();
    expect(routes.map((r) => r.path)).toContain('/api/v1/dashboard');
    for (const route of routes) {
      expect(doc.paths, route.path).toHaveProperty([route.path]);
      expect(Object.keys(doc.paths[route.path]!).sort(), route.path).toEqual([...route.methods].sort());
    }
  });

  it('describes GET /api/v1/dashboard’s parameters and its response, key for key', () => {
    const get = doc.paths['/api/v1/dashboard']!.get as { parameters: { name: string }[]; responses: Record<string, { content?: { 'application/json': { schema: Schema } } }> };
    expect(get.parameters.map((p) => p.name)).toEqual(['dialogue', 'area', 'agency', 'country', 'asOf']);
    const schema = get.responses[200]!.content!['application/json'].schema;
    const db = useSeededTestDb();
    for (const [scope, asOf] of [[{}, '2024-12-31'], [{ area: 'BIO', country: 'KR' }, '2024-06-30']] as const) {
      const view = JSON.parse(JSON.stringify(runReadTask('dashboard', { scope, asOf, today: '2025-01-15' }, db, db))) as { series: unknown[]; byArea: unknown[]; attention: unknown[] };
      // The sample reaches every kind of row.
      expect(view.series.length).toBeGreaterThan(0);
      expect(view.byArea.length).toBeGreaterThan(0);
      expect(view.attention.length).toBeGreaterThan(0);
      conform(schema, view, 'dashboard');
    }
  });
});
