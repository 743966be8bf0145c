/**
 * A `tools/call` with params of the wrong shape — arguments that are null, a string, an array or a number; no
 * name, or a name that is no string — is answered with -32602 and one readable sentence saying what was wrong,
 * not a raw zod dump. First the pure check, then the real endpoint over HTTP in both protocol eras.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_NAME_MAX_LENGTH, describeMalformedToolCall, malformedToolCallError, refuseMalformedToolCall } from '../tool-call-params';
import { WIRE_ERAS, postRaw, startMockEndpoint } from './raw-json-rpc';

const call = (params: unknown, extra: Record<string, unknown> = {}) => ({ jsonrpc: '2.0', id: 7, method: 'tools/call', params, ...extra });

const MALFORMED: Array<[label: string, params: unknown, says: string]> = [
  ['arguments null', { name: 'get_task', arguments: null }, 'params.arguments must be an object of the tool\'s arguments, e.g. {} or {"task_id":"6XR4GqQQCW6Gv9h4"} (got null)'],
  ['arguments a string', { name: 'get_task', arguments: '{"task_id":"x"}' }, "params.arguments must be an object of the tool's arguments, e.g. {} or {\"task_id\":\"6XR4GqQQCW6Gv9h4\"} (got a string)"],
  ['arguments an array', { name: 'list_tasks', arguments: [] }, "params.arguments must be an object of the tool's arguments, e.g. {} or {\"task_id\":\"6XR4GqQQCW6Gv9h4\"} (got an array)"],
  ['arguments a number', { name: 'list_tasks', arguments: 5 }, "params.arguments must be an object of the tool's arguments, e.g. {} or {\"task_id\":\"6XR4GqQQCW6Gv9h4\"} (got a number)"],
  ['arguments a boolean', { name: 'list_tasks', arguments: false }, "params.arguments must be an object of the tool's arguments, e.g. {} or {\"task_id\":\"6XR4GqQQCW6Gv9h4\"} (got a boolean)"],
  ['no name', { arguments: {} }, 'tools/call needs params.name: the name of the tool to call, e.g. "list_tasks" (tools/list lists them)'],
  ['a name that is a number', { name: 5, arguments: {} }, 'params.name must be a string, the name of the tool to call (got a number)'],
  ['a name that is null', { name: null }, 'params.name must be a string, the name of the tool to call (got null)'],
  ['a name that is an object', { name: { tool: 'x' } }, 'params.name must be a string, the name of the tool to call (got an object)'],
  ['an empty name', { name: '' }, 'params.name must not be empty: give the name of the tool to call (tools/list lists them)'],
  ['a name of 10,000 characters', { name: 'x'.repeat(10_000) }, 'params.name is too long to be a tool name: at most 128 characters (got 10000)'],
  ['params an array', [], 'tools/call needs params: an object with the tool\'s name and its arguments, e.g. {"name":"list_tasks","arguments":{}} (got an array)'],
  ['params a string', 'list_tasks', 'tools/call needs params: an object with the tool\'s name and its arguments, e.g. {"name":"list_tasks","arguments":{}} (got a string)'],
  ['params null', null, 'tools/call needs params: an object with the tool\'s name and its arguments, e.g. {"name":"list_tasks","arguments":{}} (got null)'],
];

describe('describeMalformedToolCall', () => {
  it.each(MALFORMED)('%s: says what was wrong', (_label, params, says) => {
    expect(describeMalformedToolCall(call(params))).toBe(says);
  });

  it('says so when params are missing altogether', () => {
    expect(describeMalformedToolCall({ jsonrpc: '2.0', id: 1, method: 'tools/call' })).toBe(
      'tools/call needs params: an object with the tool\'s name and its arguments, e.g. {"name":"list_tasks","arguments":{}} (got nothing)',
    );
  });

  it.each([
    ['a well-formed call', call({ name: 'get_task', arguments: { task_id: 'x' } })],
    ['a call without arguments (the SDK reads them as {})', call({ name: 'list_projects' })],
    ['the longest name', call({ name: 'x'.repeat(TOOL_NAME_MAX_LENGTH) })],
    ['another method', { jsonrpc: '2.0', id: 1, method: 'tools/list', params: null }],
    ['a notification (no id)', { jsonrpc: '2.0', method: 'tools/call', params: null }],
    ['an id that is no id', { jsonrpc: '2.0', id: null, method: 'tools/call', params: null }],
    ['a batch', [call(null)]],
    ['no object at all', 'tools/call'],
    ['null', null],
  ])('lets %s pass to the SDK', (_label, message) => {
    expect(describeMalformedToolCall(message)).toBeUndefined();
    expect(malformedToolCallError(message)).toBeUndefined();
    expect(refuseMalformedToolCall(message)).toBeUndefined();
  });

  it('answers with -32602, the request id (string ids too) and the sentence', async () => {
    expect(malformedToolCallError({ ...call(null), id: 'abc' })).toEqual({
      jsonrpc: '2.0',
      id: 'abc',
      error: {
        code: -32602,
        message:
          'Invalid tools/call request: tools/call needs params: an object with the tool\'s name and its arguments, e.g. {"name":"list_tasks","arguments":{}} (got null).',
      },
    });
    const response = refuseMalformedToolCall(call({ name: 5 }))!;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual(malformedToolCallError(call({ name: 5 })));
  });
});

describe.each(WIRE_ERAS)('the endpoint over HTTP (%s)', (era) => {
  let server: Awaited<ReturnType<typeof startMockEndpoint>>;
  beforeAll(async () => {
    server = await startMockEndpoint();
  });
  afterAll(() => server.running.close());

  it.each(MALFORMED)('%s: -32602 with a readable message, no zod dump', async (_label, params, says) => {
    const answer = await postRaw(server.url(), era, { id: 7, method: 'tools/call', params });
    expect(answer.status).toBe(200);
    expect(answer.message?.error).toEqual({ code: -32602, message: `Invalid tools/call request: ${says}.` });
    expect(answer.bytes).toBeLessThan(1_000);
  });

  it('still serves a well-formed call, and one without arguments', async () => {
    const listed = await postRaw(server.url(), era, { id: 8, method: 'tools/call', params: { name: 'list_projects' } });
    expect(listed.message?.result?.isError).toBeUndefined();
    expect(JSON.stringify(listed.message?.result?.content)).toContain('Source: MOCK DATA');
  });
});
