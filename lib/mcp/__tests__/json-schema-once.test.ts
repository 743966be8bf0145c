import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { convertJsonSchemaOnce } from '../json-schema-once';
import { DOJO_TOOLS } from '../tools';
import { connect } from './helpers';

describe('JSON Schema converted once per process', () => {
  it('hands every caller the same frozen conversion', () => {
    const schema = convertJsonSchemaOnce(z.object({ query: z.string().describe('a filter') }));
    const convert = (schema['~standard'] as unknown as { jsonSchema: { input(o: object): Record<string, unknown> } }).jsonSchema;
    const first = convert.input({ target: 'draft-2020-12' });
    expect(convert.input({ target: 'draft-2020-12' })).toBe(first);
    expect(Object.isFrozen(first.properties)).toBe(true);
    expect(first).toMatchObject({ type: 'object', properties: { query: { type: 'string', description: 'a filter' } } });
    // Parsing is zod's as before.
    expect(schema.safeParse({ query: 1 }).success).toBe(false);
  });

  it('two server instances list the very same tool schemas', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const [listA, listB] = await Promise.all([a.client.listTools(), b.client.listTools()]);
    expect(listA.tools.map((tool) => tool.inputSchema)).toEqual(listB.tools.map((tool) => tool.inputSchema));
    expect(listA.tools).toHaveLength(DOJO_TOOLS.length);
    await Promise.all([a.close(), b.close()]);
  });
});
