/**
 * What a model sees of each tool — name, title, description, input and output JSON Schema, annotations — as
 * tools/list publishes it, kept in a snapshot: a changed word or constraint in the contract is a deliberate
 * change (update with `npx vitest run -u lib/mcp/__tests__/tool-contract.test.ts`), never an accident.
 */
import { describe, expect, it } from 'vitest';
import { connect } from './helpers';

describe('the tool contract', () => {
  it('tools/list publishes every tool exactly as the snapshot says', async () => {
    const { client, close } = await connect();
    const { tools } = await client.listTools();
    await close();
    for (const tool of tools) {
      expect({ name: tool.name, title: tool.title, description: tool.description, annotations: tool.annotations }).toMatchSnapshot(`${tool.name}: text`);
      expect(tool.inputSchema).toMatchSnapshot(`${tool.name}: input`);
      expect(tool.outputSchema).toMatchSnapshot(`${tool.name}: output`);
    }
    expect(tools).toHaveLength(8);
  });
});
