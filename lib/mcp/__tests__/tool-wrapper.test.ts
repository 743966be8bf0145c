/**
 * The wrapper every tool runs in (tool.ts), driven directly: a stand-in McpServer captures the handler, a tool
 * whose run the test scripts, and a source whose client records how it was opened. What the wrapper adds —
 * provenance, the cache of last good answers, the stale answer, canned todos, the failure text — is pinned here.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CLIENT_CAPABILITIES_META_KEY, inputRequired, type CallToolResult, type InputRequiredResult, type McpServer, type ServerContext } from '@modelcontextprotocol/server';
import { ConfigError } from '@/lib/config';
import { BreakerOpenError } from '@/lib/resilience/breaker';
import type { TimelineEvent } from '@/lib/resilience/timeline';
import { TodoistApiError, TodoistInvalidIdError, TodoistNetworkError } from '@/lib/todoist/errors';
import { TodoistClient } from '@/lib/todoist/client';
import type { ToolCall } from '../call';
import type { DojoContext } from '../context';
import { PROVENANCE_META_KEY, TIMELINE_META_KEY, type Provenance } from '../provenance';
import { createBackendResilience, DEFAULT_RESILIENCE } from '../resilience';
import { MissingTokenError, type ClientCallOptions, type TodoistSource } from '../source';
import { PRODUCTION_STRATEGIES, type Strategies } from '../strategies';
import { defineTool, describePage, type ToolAnswer } from '../tool';
import { DATA_BOUNDARY } from '../untrusted-text';

type Answer = ToolAnswer<{ n: number }>;
const ANSWER: Answer = { structured: { n: 1 }, summary: ['line one', 'line two'], raw: { api: 'object' } };

function fakeSource(kind: 'mock' | 'real' = 'real', scenario?: string) {
  const opened: ClientCallOptions[] = [];
  const source: TodoistSource = {
    kind,
    scenario,
    client: async (recorder, options = {}) => {
      opened.push(options);
      recorder.upstream = kind === 'mock' ? 'mock' : 'todoist';
      return new TodoistClient({ transport: async () => new Response('{}'), token: 't' });
    },
  };
  return { source, opened };
}

function setup(
  options: {
    readOnly?: boolean;
    strategies?: Partial<Strategies>;
    source?: TodoistSource;
    tenant?: DojoContext['tenant'];
    workspace?: string;
    run?: (call: ToolCall) => Promise<Answer | InputRequiredResult>;
    /** The protocol revision the stand-in server was reached with, and its 2025 session's client capabilities. */
    revision?: string;
    sessionCapabilities?: Record<string, unknown>;
  } = {},
) {
  const run = vi.fn(options.run ?? (async () => ANSWER));
  const tool = defineTool({
    name: 'probe_tool',
    title: 'Probe',
    description: 'A tool for the wrapper tests',
    inputSchema: z.object({ q: z.string().optional() }),
    outputSchema: z.object({ n: z.number() }),
    annotations: { readOnlyHint: options.readOnly ?? true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    run: (_args, call) => run(call),
  });
  const canned = fakeSource('mock', 'faithful');
  const persist = vi.fn(async () => undefined);
  const context: DojoContext = {
    source: options.source ?? fakeSource().source,
    canned: () => canned.source,
    strategies: { ...PRODUCTION_STRATEGIES, ...options.strategies },
    resilience: createBackendResilience(DEFAULT_RESILIENCE),
    workspace: options.workspace,
    tenant: options.tenant,
    now: () => new Date('2026-10-01T23:30:00Z'),
    persist,
  };
  let handler: ((args: unknown, ctx: ServerContext) => Promise<CallToolResult>) | undefined;
  const registered: Array<{ name: string; config: Record<string, unknown> }> = [];
  const server = {
    registerTool: (name: string, config: Record<string, unknown>, callback: typeof handler) => {
      registered.push({ name, config });
      handler = callback;
    },
    server: { getNegotiatedProtocolVersion: () => options.revision, getClientCapabilities: () => options.sessionCapabilities },
  } as unknown as McpServer;
  tool.register(server, context);
  const logs: unknown[][] = [];
  const notes: unknown[] = [];
  const ctxWith = (meta?: Record<string, unknown>, request: Record<string, unknown> = {}): ServerContext =>
    ({
      mcpReq: {
        ...request,
        _meta: meta,
        signal: new AbortController().signal,
        log: async (...args: unknown[]) => void logs.push(args),
        notify: async (note: unknown) => void notes.push(note),
      },
    }) as unknown as ServerContext;
  const call = (args: Record<string, unknown> = {}, meta?: Record<string, unknown>, request?: Record<string, unknown>) =>
    handler!(args, ctxWith(meta, request));
  return { call, run, context, persist, logs, notes, registered, canned };
}

const provenance = (result: CallToolResult) => result._meta?.[PROVENANCE_META_KEY] as Provenance;
const timeline = (result: CallToolResult) => result._meta?.[TIMELINE_META_KEY] as TimelineEvent[];
const text = (result: CallToolResult) => (result.content[0] as { text: string }).text;
const apiError = (status: number) => new TodoistApiError('GET', 'tasks', status, undefined, undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe('registration', () => {
  it('registers the tool under its name with its title, description, schemas and annotations', () => {
    const { registered } = setup();
    expect(registered).toHaveLength(1);
    expect(registered[0]?.name).toBe('probe_tool');
    expect(registered[0]?.config).toMatchObject({
      title: 'Probe',
      description: 'A tool for the wrapper tests',
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    });
    expect(registered[0]?.config.inputSchema).toBeDefined();
    expect(registered[0]?.config.outputSchema).toBeDefined();
    expect(typeof registered[0]?.config.scopeChallenge).toBe('function');
  });
});

describe('a live answer', () => {
  it('the provenance line, then the summary; structured content; provenance and timeline in _meta; state persisted', async () => {
    const { call, persist, run } = setup({ workspace: 'default', tenant: { key: 'learner-1', account: 'ada' } });
    const result = await call();
    expect(result.isError).toBeUndefined();
    expect(text(result).split('\n')).toEqual([
      expect.stringMatching(/^Source: Todoist API \(live, 0 pages, [\d.]+ ms\) — the account of ada$/),
      DATA_BOUNDARY,
      'line one',
      'line two',
    ]);
    expect(result.structuredContent).toEqual({ n: 1 });
    expect(provenance(result)).toEqual({
      backend: 'real',
      upstream: 'todoist',
      workspace: 'default',
      tenant: 'learner-1',
      account: 'ada',
      source: 'live',
      pages: 0,
      requests: 0,
      bytes: 0,
      retries: 0,
      durationMs: expect.any(Number),
      degraded: false,
    });
    expect(timeline(result)).toEqual([{ type: 'cache', outcome: 'stored', at: expect.any(Number) }]);
    expect(persist).toHaveBeenCalledTimes(1);
    const toolCall = run.mock.calls[0]![0];
    expect(toolCall.today).toBe('2026-10-01');
    expect(toolCall.strategies).toEqual(PRODUCTION_STRATEGIES);
    expect(toolCall.signal).toBeInstanceOf(AbortSignal);
    expect(toolCall.onPage).toBeUndefined(); // no progress token, no progress
  });

  it('leaves out what it does not know: no workspace, tenant, account or upstream keys', async () => {
    const source: TodoistSource = { kind: 'real', client: async () => new TodoistClient({ transport: async () => new Response('{}'), token: 't' }) };
    const { call } = setup({ source });
    const keys = Object.keys(provenance(await call()));
    for (const key of ['workspace', 'tenant', 'account', 'upstream', 'scenario', 'note']) expect(keys).not.toContain(key);
  });

  it('a mock source names its scenario', async () => {
    const { call } = setup({ source: fakeSource('mock', 'flaky').source, tenant: { key: 'learner-1' } });
    const result = await call();
    expect(provenance(result)).toMatchObject({ backend: 'mock', scenario: 'flaky', tenant: 'learner-1' });
    expect(provenance(result)).not.toHaveProperty('account');
    expect(text(result).split('\n')[0]).toMatch(/^Source: MOCK DATA \(scenario "flaky"\)/);
  });

  it('notes make it degraded: joined with "; " in provenance and as a "Note:" line after the source line', async () => {
    const { call } = setup({
      run: async (toolCall) => {
        toolCall.recorder.notes.push('tasks: first', 'projects: second');
        return ANSWER;
      },
    });
    const result = await call();
    expect(provenance(result)).toMatchObject({ degraded: true, note: 'tasks: first; projects: second' });
    const lines = text(result).split('\n');
    expect(lines[0]).toMatch(/DEGRADED, see note$/);
    expect(lines.slice(1)).toEqual(['Note: tasks: first; projects: second', DATA_BOUNDARY, 'line one', 'line two']);
  });

  it('raw output: the raw API objects as indented JSON after the source line, and no boundary line', async () => {
    const { call } = setup({ strategies: { output: 'raw' } });
    const lines = text(await call()).split('\n');
    expect(lines.slice(1).join('\n')).toBe(JSON.stringify({ api: 'object' }, null, 2));
  });

  it('resilient: the client runs through the resilience executor with the request timeout; honest: no executor', async () => {
    const resilient = fakeSource();
    await setup({ source: resilient.source }).call();
    expect(resilient.opened[0]).toEqual({ execute: expect.any(Function), timeoutMs: DEFAULT_RESILIENCE.requestTimeoutMs });
    const honest = fakeSource();
    const { call } = setup({ source: honest.source, strategies: { fallback: 'honest' } });
    const result = await call();
    expect(honest.opened[0]).toEqual({ execute: undefined, timeoutMs: DEFAULT_RESILIENCE.requestTimeoutMs });
    expect(timeline(result)).toEqual([]); // nothing cached without the resilient fallback
  });

  it('sends progress per page when asked, numbered from 1, described by describePage', async () => {
    const page = { page: 1, cursor: null, nextCursor: 'abc', items: 3, newItems: 3, durationMs: 4.4 };
    const { call, notes } = setup({
      run: async (toolCall) => {
        toolCall.onPage?.(page, 'tasks');
        toolCall.onPage?.({ ...page, page: 2, cursor: 'abc', nextCursor: null }, 'tasks');
        return ANSWER;
      },
    });
    await call({}, { progressToken: 'tok' });
    expect(notes).toEqual([
      { method: 'notifications/progress', params: { progressToken: 'tok', progress: 1, message: 'tasks: page 1, 3 items in 4 ms, more to come' } },
      { method: 'notifications/progress', params: { progressToken: 'tok', progress: 2, message: 'tasks: page 2, 3 items in 4 ms (cursor abc…), last page' } },
    ]);
  });

  it("stops the call's deadline timer once the call is over, answered or failed", async () => {
    vi.useFakeTimers({ now: 0 });
    const { call, run } = setup();
    await call();
    expect(vi.getTimerCount()).toBe(0);
    run.mockRejectedValueOnce(new Error('x'));
    await call();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('persists even when the call fails', async () => {
    const { call, persist } = setup({ run: async () => Promise.reject(new Error('x')) });
    await call();
    expect(persist).toHaveBeenCalledTimes(1);
  });
});

describe('describePage', () => {
  it('shortens the cursor to 8 characters and rounds the time', () => {
    expect(describePage('projects', { page: 3, cursor: 'MTAwLjhjZmZm', nextCursor: 'x', items: 200, newItems: 200, durationMs: 35.5 })).toBe(
      'projects: page 3, 200 items in 36 ms (cursor MTAwLjhj…), more to come',
    );
  });
});

describe('the cache of last good answers', () => {
  it('stores a read answer; keeps it for a second under a burst; stores again after', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    const { call } = setup();
    const stored = (result: CallToolResult) => timeline(result).some((event) => event.type === 'cache' && event.outcome === 'stored');
    expect(stored(await call())).toBe(true);
    vi.setSystemTime(999);
    expect(stored(await call())).toBe(false);
    vi.setSystemTime(1_000);
    expect(stored(await call())).toBe(true);
  });

  it('keys by tool and arguments: other arguments are a different answer', async () => {
    const { call, context } = setup();
    await call({ q: 'a' });
    await call({ q: 'b' });
    expect(Object.keys(context.resilience.cache.entries)).toEqual(['probe_tool {"q":"a"}', 'probe_tool {"q":"b"}']);
  });

  it('never stores a write, and a failed write is not answered from the cache', async () => {
    let fail = false;
    const { call, context } = setup({ readOnly: false, run: async () => (fail ? Promise.reject(apiError(503)) : ANSWER) });
    expect(timeline(await call())).toEqual([]);
    expect(context.resilience.cache.entries).toEqual({});
    fail = true;
    const failed = await call();
    expect(failed.isError).toBe(true);
    expect(timeline(failed).some((event) => event.type === 'cache')).toBe(false);
  });

  it('a failing read with an earlier answer: served stale, labelled, with its age and why', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date'] });
    let fail = false;
    const { call, logs } = setup({ run: async () => (fail ? Promise.reject(new TodoistNetworkError('GET', 'tasks', new Error('ECONNREFUSED'))) : ANSWER) });
    await call();
    fail = true;
    vi.setSystemTime(42_000);
    const stale = await call();
    expect(stale.isError).toBeUndefined();
    expect(stale.structuredContent).toEqual({ n: 1 });
    const message = 'GET tasks failed: the Todoist API could not be reached (ECONNREFUSED). Check the network and TODOIST_API_BASE_URL.';
    expect(provenance(stale)).toMatchObject({
      source: 'cache',
      staleSeconds: 42,
      degraded: true,
      note: `the live call failed (${message}); this is the last good answer, 42 s old`,
    });
    expect(text(stale).split('\n')).toEqual([
      'Source: CACHED Todoist data, 42 s old — the live API failed; this may be out of date.',
      `Note: the live call failed (${message}); this is the last good answer, 42 s old`,
      DATA_BOUNDARY,
      'line one',
      'line two',
    ]);
    expect(timeline(stale).filter((event) => event.type === 'cache')).toEqual([{ type: 'cache', outcome: 'served-stale', ageSeconds: 42, at: 42_000 }]);
    expect(logs).toEqual([['error', `probe_tool failed: ${message}`, 'dojo']]);
  });

  it('a stale answer keeps the raw API objects for a raw-output reader only', async () => {
    let fail = false;
    const run = async () => (fail ? Promise.reject(apiError(503)) : ANSWER);
    const raw = setup({ strategies: { output: 'raw' }, run });
    await raw.call();
    const compact = setup({ run });
    await compact.call();
    fail = true;
    const body = (result: CallToolResult) => text(result).split('\n').slice(2).join('\n');
    expect(body(await raw.call())).toBe(JSON.stringify({ api: 'object' }, null, 2));
    expect(body(await compact.call())).toBe(`${DATA_BOUNDARY}\nline one\nline two`);
    const [packed] = Object.values(compact.context.resilience.cache.entries) as Array<{ value: { packed: string } }>;
    const { unpackAnswer } = await import('../cached-answer');
    expect(unpackAnswer(packed!.value).raw).toEqual({ n: 1 }); // compact: the raw objects were not kept
  });

  it('a failing read with nothing cached: a cache miss on the timeline, then the error', async () => {
    const { call } = setup({ run: async () => Promise.reject(apiError(503)) });
    const result = await call();
    expect(result.isError).toBe(true);
    expect(timeline(result).filter((event) => event.type === 'cache')).toEqual([{ type: 'cache', outcome: 'miss', at: expect.any(Number) }]);
  });

  it('without the resilient fallback a failing read is not served from the cache', async () => {
    let fail = false;
    const { call, context } = setup({ strategies: { fallback: 'honest' }, run: async () => (fail ? Promise.reject(apiError(503)) : ANSWER) });
    context.resilience.cache.set('probe_tool {}', { packed: 'ignored' });
    fail = true;
    const result = await call();
    expect(result.isError).toBe(true);
    expect(timeline(result)).toEqual([]);
  });
});

describe('failures', () => {
  it.each([
    [apiError(404), 'GET tasks failed with 404: HTTP 404. The object does not exist or is not visible to this user. No data was returned rather than guessed.', 'error: api'],
    [new TodoistInvalidIdError('POST', 'tasks/{id}/close', '..'), 'POST tasks/{id}/close was not sent: the id is not a Todoist id: 1 to 64 letters, digits, "_" or "-" (got 2 characters). No data was returned rather than guessed.', 'error: invalid-id'],
    [new MissingTokenError('Set it.'), 'No Todoist API token is configured, so the real Todoist cannot be read. Set it. No data was returned rather than guessed.', 'error: MissingTokenError'],
    [new BreakerOpenError(2_000), `${new BreakerOpenError(2_000).message} No data was returned rather than guessed.`, 'error: BreakerOpenError'],
    [new ConfigError('Bad config.', { source: 'environment', origin: 'x', key: undefined }), 'Bad config. No data was returned.', 'error: ConfigError'],
    [new Error('kaboom'), 'unexpected error: kaboom. No data was returned.', 'error: Error'],
    ['a string', 'unexpected error: a string. No data was returned.', 'error'],
  ])('%s: what failed, why, what to do; provenance degraded with the error kind', async (error, message, kind) => {
    const { call } = setup({ strategies: { fallback: 'honest' }, run: async () => Promise.reject(error) });
    const result = await call();
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: `probe_tool failed: ${message}` }],
      _meta: { [PROVENANCE_META_KEY]: expect.objectContaining({ degraded: true, note: kind, source: 'live' }), [TIMELINE_META_KEY]: [] },
    });
  });

  it('a mock failure names the scenario', async () => {
    const { call } = setup({ source: fakeSource('mock', 'down').source, strategies: { fallback: 'honest' }, run: async () => Promise.reject(new Error('x')) });
    expect(text(await call())).toBe('probe_tool failed [mock backend, scenario "down"]: unexpected error: x. No data was returned.');
  });

  it("a signed-in user's revoked token: only they can fix it, by signing in again", async () => {
    const { call } = setup({ tenant: { key: 'user-1', account: 'ada' }, strategies: { fallback: 'honest' }, run: async () => Promise.reject(apiError(401)) });
    expect(text(await call())).toBe(
      'probe_tool failed: Todoist refused the token this server keeps for ada (GET tasks answered 401: revoked or expired at Todoist). Reconnect Todoist: sign in to this server again from your MCP client. Other users are not affected. No data was returned rather than guessed.',
    );
  });

  it('a 401 without a signed-in user, or another status with one, is the plain API error', async () => {
    const anonymous = setup({ strategies: { fallback: 'honest' }, run: async () => Promise.reject(apiError(401)) });
    expect(text(await anonymous.call())).toMatch(/^probe_tool failed: GET tasks failed with 401: HTTP 401\. The token is missing/);
    const signedIn = setup({ tenant: { key: 'u', account: 'ada' }, strategies: { fallback: 'honest' }, run: async () => Promise.reject(apiError(403)) });
    expect(text(await signedIn.call())).toMatch(/^probe_tool failed: GET tasks failed with 403/);
  });
});

describe('mock-on-error (the story’s bug, kept for the lessons)', () => {
  it('answers from the canned todos, without a source line or a boundary; only _meta tells', async () => {
    const { call, run } = setup({ strategies: { fallback: 'mock-on-error' }, run: async () => ANSWER });
    run.mockRejectedValueOnce(new Error('down'));
    const result = await call();
    expect(result.isError).toBeUndefined();
    expect(text(result)).toBe('line one\nline two');
    expect(provenance(result)).toMatchObject({
      backend: 'mock',
      scenario: 'canned',
      degraded: true,
      note: 'mock-on-error: the real call failed (down) and canned mock todos were returned in its place, unlabelled',
    });
    expect(run).toHaveBeenCalledTimes(2);
    expect(run.mock.calls[1]![0].onPage).toBeUndefined();
  });
});

describe('a confirmation (destructive tools, ../confirmation)', () => {
  const ASK = inputRequired({ inputRequests: { confirmation: inputRequired.elicit({ mode: 'form', message: 'Sure?', requestedSchema: { type: 'object', properties: {} } }) } });
  const ENVELOPE_WITH = (capabilities: Record<string, unknown>) => ({ envelope: { [CLIENT_CAPABILITIES_META_KEY]: capabilities } });
  const channelOf = async (options: Parameters<typeof setup>[0], request?: Record<string, unknown>) => {
    const { call, run } = setup(options);
    await call({}, undefined, request);
    return run.mock.calls[0]![0].confirmation;
  };

  it('a question goes back as it is: no provenance, nothing cached, the workspace still persisted', async () => {
    const { call, persist, context } = setup({ readOnly: false, run: async () => ASK, revision: '2026-07-28' });
    const result = await call({}, undefined, ENVELOPE_WITH({ elicitation: {} }));
    expect(result).toBe(ASK);
    expect(context.resilience.cache.get('probe_tool {}')).toBeUndefined();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('2026-07-28: the dialog when this request declares form elicitation, with the user’s answer once it comes', async () => {
    const modern = { revision: '2026-07-28' };
    expect(await channelOf(modern, ENVELOPE_WITH({ elicitation: { form: {} } }))).toEqual({ channel: 'elicitation', answer: 'unanswered' });
    const answered = { ...ENVELOPE_WITH({ elicitation: {} }), inputResponses: { confirmation: { action: 'accept', content: { confirm: true } } } };
    expect(await channelOf(modern, answered)).toEqual({ channel: 'elicitation', answer: 'confirmed' });
    expect(await channelOf({ revision: '2026-09-01' }, ENVELOPE_WITH({ elicitation: {} }))).toMatchObject({ channel: 'elicitation' });
    expect(await channelOf(modern, ENVELOPE_WITH({}))).toEqual({ channel: 'argument' });
    expect(await channelOf(modern)).toEqual({ channel: 'argument' });
    // The session's capabilities are a 2025 notion: a modern request is judged by its own envelope only.
    expect(await channelOf({ ...modern, sessionCapabilities: { elicitation: {} } }, ENVELOPE_WITH({}))).toEqual({ channel: 'argument' });
  });

  it('2025: the dialog only for a session whose initialize declared elicitation (stdio); stateless, the argument', async () => {
    expect(await channelOf({ revision: '2025-11-25', sessionCapabilities: { elicitation: {} } })).toEqual({ channel: 'elicitation', answer: 'unanswered' });
    expect(await channelOf({ revision: '2025-11-25' })).toEqual({ channel: 'argument' });
    expect(await channelOf({ revision: undefined, sessionCapabilities: { elicitation: {} } })).toMatchObject({ channel: 'elicitation' });
    // An envelope a 2025 request happens to carry decides nothing.
    expect(await channelOf({ revision: '2025-11-25' }, ENVELOPE_WITH({ elicitation: {} }))).toEqual({ channel: 'argument' });
  });

  it('the canned fallback runs with the same channel, and a question from it goes back as it is', async () => {
    const { call, run } = setup({
      strategies: { fallback: 'mock-on-error' },
      revision: '2026-07-28',
      run: vi.fn().mockRejectedValueOnce(apiError(500)).mockResolvedValueOnce(ASK),
    });
    const result = await call({}, undefined, ENVELOPE_WITH({ elicitation: {} }));
    expect(result).toBe(ASK);
    expect(run.mock.calls[1]![0].confirmation).toEqual({ channel: 'elicitation', answer: 'unanswered' });
  });
});
