/**
 * Every string argument of every tool has a limit and a message that names the argument: ids are Todoist ids
 * (so no argument can change an upstream path), text has a length cap and must be well-formed Unicode, and no
 * refusal repeats an over-long value. Driven through the SDK's own client, as a model's host would call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, textOf, type ToolResult } from './helpers';

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
