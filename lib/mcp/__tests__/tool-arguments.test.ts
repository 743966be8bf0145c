/**
 * Every string argument of every tool has a limit and a message that names the argument: ids are Todoist ids
 * (so no argument can change an upstream path), text has a length cap and must be well-formed Unicode, and no
 * refusal repeats an over-long value. Driven through the SDK's own client, as a model's host would call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeUnknownArguments, strictArguments } from '../tool-arguments';
import { DOJO_TOOLS } from '../tools';
import { ERAS, connectEra } from './eras';
import { connect, textOf, type ToolResult } from './helpers';
import { startMockEndpoint } from './raw-json-rpc';

let session: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  session = await connect({ mock: { size: 'tiny' } });
});
afterAll(() => session.close());

const MEGABYTE_OF_EMOJI = '😀'.repeat(512 * 1024);
const LONE_SURROGATE = 'a\ud800b';

function expectRefusal(result: ToolResult, tool: string, says: string) {
  expect(result.isError, textOf(result)).toBe(true);
  const text = textOf(result);
  expect(text).toContain(`Invalid arguments for tool ${tool}: ${says}`);
  expect(text.length).toBeLessThan(1_000);
}

const ID_ARGUMENTS: Array<[tool: string, argument: string, others: Record<string, unknown>]> = [
  ['get_task', 'task_id', {}],
  ['complete_task', 'task_id', {}],
  ['list_tasks', 'project_id', {}],
  ['list_tasks', 'section_id', {}],
  ['list_tasks', 'parent_id', {}],
  ['create_task', 'project_id', { content: 'x' }],
  ['create_task', 'section_id', { content: 'x' }],
  ['create_task', 'parent_id', { content: 'x' }],
];
const ID_RULE = 'must be a Todoist id: 1 to 64 letters, digits, "_" or "-"';

describe.each(ID_ARGUMENTS)('%s %s', (tool, argument, others) => {
  it.each([
    ['".."', '..'],
    ['"."', '.'],
    ['a slash', 'a/b'],
    ['a query', 'a?limit=1'],
    ['empty', ''],
    ['a lone surrogate', LONE_SURROGATE],
  ])('refuses %s, naming the argument and the rule', async (_name, value) => {
    expectRefusal(await session.call(tool, { ...others, [argument]: value }), tool, `${argument}: ${ID_RULE}`);
  });

  it('refuses a megabyte of emoji without echoing it: the message gives its length', async () => {
    const result = await session.call(tool, { ...others, [argument]: MEGABYTE_OF_EMOJI });
    expectRefusal(result, tool, `${argument}: ${ID_RULE} (got 1048576 characters)`);
  });
});

const TEXT_ARGUMENTS: Array<[tool: string, argument: string, max: number, others: Record<string, unknown>]> = [
  ['filter_tasks', 'query', 1_024, {}],
  ['list_tasks', 'label', 128, {}],
  ['create_task', 'content', 500, {}],
  ['create_task', 'description', 16_383, { content: 'x' }],
  ['create_task', 'due_string', 200, { content: 'x' }],
];

describe.each(TEXT_ARGUMENTS)('%s %s', (tool, argument, max, others) => {
  it(`refuses more than ${max} characters, saying how many it got`, async () => {
    const result = await session.call(tool, { ...others, [argument]: 'x'.repeat(max + 1) });
    expectRefusal(result, tool, `${argument}: must be at most ${max} characters (got ${max + 1})`);
  });

  it('refuses a megabyte of emoji without echoing it', async () => {
    const result = await session.call(tool, { ...others, [argument]: MEGABYTE_OF_EMOJI });
    expectRefusal(result, tool, `${argument}: must be at most ${max} characters (got 1048576)`);
  });

  it('refuses a lone surrogate: text must be well-formed Unicode', async () => {
    const result = await session.call(tool, { ...others, [argument]: LONE_SURROGATE });
    expectRefusal(result, tool, `${argument}: must be well-formed Unicode text (it contains a lone surrogate)`);
  });
});

describe('labels of create_task', () => {
  it('refuses more than 50, and a label longer than 128 characters, naming which', async () => {
    const many = await session.call('create_task', { content: 'x', labels: Array.from({ length: 51 }, (_, i) => `l${i}`) });
    expectRefusal(many, 'create_task', 'labels: must have at most 50 labels (got 51)');
    const long = await session.call('create_task', { content: 'x', labels: ['ok', 'y'.repeat(129)] });
    expectRefusal(long, 'create_task', 'labels.1: must be at most 128 characters (got 129)');
  });
});

describe('arguments that fit', () => {
  it('still pass: the longest id, the longest query, text with emoji', async () => {
    const missing = await session.call('get_task', { task_id: 'x'.repeat(64) });
    expect(textOf(missing)).toContain('404');
    const query = await session.call('filter_tasks', { query: `search: ${'x'.repeat(1_016)}` });
    expect(query.isError, textOf(query)).toBeFalsy();
    const created = await session.call('create_task', { content: 'Call 😀 back', labels: ['tâche'] });
    expect(created.isError, textOf(created)).toBeFalsy();
  });
});

describe('arguments a tool does not have', () => {
  const LIST_TASKS_TAKES = 'list_tasks takes: project_id, section_id, label, priority, parent_id';

  it('are refused, naming the key, a likely meant one, and the known ones: a typo no longer lists every task', async () => {
    const result = await session.call('list_tasks', { projectId: 'x' });
    expectRefusal(result, 'list_tasks', `unknown argument "projectId" (did you mean "project_id"?); ${LIST_TASKS_TAKES}`);
    expect(result.structuredContent).toBeUndefined();
  });

  it('are refused beside valid ones too, and after the other argument errors', async () => {
    const result = await session.call('get_task', { task_id: '..', extra: 1 });
    expectRefusal(result, 'get_task', `task_id: ${ID_RULE}, unknown argument "extra"; get_task takes: task_id`);
  });

  it('are refused by every tool, and published: additionalProperties is false in every input schema', async () => {
    const { tools } = await session.client.listTools();
    for (const tool of DOJO_TOOLS) {
      const refusal = await session.call(tool.name, { ...(tool.name === 'create_task' && { content: 'x' }), nope: true });
      expect(textOf(refusal), tool.name).toContain(`unknown argument "nope"; ${tool.name} takes: `);
      expect(tools.find((listed) => listed.name === tool.name)?.inputSchema.additionalProperties, tool.name).toBe(false);
    }
  });

  it('strictArguments: only the unknown-keys message is ours; zod’s own messages stay as they were', () => {
    const schema = strictArguments('probe', z.object({ a: z.string().optional() }));
    expect(schema.safeParse({ b: 1 }).error?.issues.map((issue) => issue.message)).toEqual(['unknown argument "b"; probe takes: a']);
    expect(schema.safeParse('x').error?.issues.map((issue) => issue.message)).toEqual(['Invalid input: expected object, received string']);
    expect(schema.safeParse({ a: 'x' }).data).toEqual({ a: 'x' });
  });

  it('shows at most three unknown keys, counts the rest, and never echoes a long key', () => {
    const known = ['format'];
    expect(describeUnknownArguments('list_projects', ['a', 'b', 'c', 'd', 'e'], known)).toBe(
      'unknown arguments "a", "b", "c" and 2 more; list_projects takes: format',
    );
    expect(describeUnknownArguments('list_projects', ['x'.repeat(65), 'y'.repeat(64)], known)).toBe(
      `unknown arguments (a name of 65 characters), "${'y'.repeat(64)}"; list_projects takes: format`,
    );
    expect(describeUnknownArguments('list_projects', ['a', 'b', 'c'], known)).toBe('unknown arguments "a", "b", "c"; list_projects takes: format');
  });

  it('quotes a key safely (control characters, lone surrogates) and reads typos loosely: case, "_" and "-"', () => {
    expect(describeUnknownArguments('t', ['a\nb', '\ud800'], [])).toBe('unknown arguments "a\\nb", "\\ud800"; t takes no arguments');
    for (const typo of ['Project_ID', 'project-id', 'projectid']) {
      expect(describeUnknownArguments('list_tasks', [typo], ['project_id'])).toContain('(did you mean "project_id"?)');
    }
    expect(describeUnknownArguments('list_tasks', ['project'], ['project_id'])).toBe('unknown argument "project"; list_tasks takes: project_id');
  });

  describe.each(ERAS)('%s over HTTP', (era) => {
    let endpoint: Awaited<ReturnType<typeof startMockEndpoint>>;
    beforeAll(async () => {
      endpoint = await startMockEndpoint();
    });
    afterAll(() => endpoint.running.close());

    it('gets the same refusal as an isError result, and the right key still works', async () => {
      const client = await connectEra(era, new URL(endpoint.url('&size=tiny')));
      try {
        const typo = await client.call('list_tasks', { projectId: 'x' });
        expect(typo.isError).toBe(true);
        expect(textOf(typo)).toBe(
          `Input validation error: Invalid arguments for tool list_tasks: unknown argument "projectId" (did you mean "project_id"?); ${LIST_TASKS_TAKES}`,
        );
        const right = await client.call('list_tasks', { project_id: 'x' });
        expect(right.isError).toBeFalsy();
        expect(right.structuredContent).toMatchObject({ count: 0 });
      } finally {
        await client.close();
      }
    });
  });
});
