/**
 * delete_task asks first, in every era, through the SDKs' own clients over real HTTP (the real endpoint, mock
 * backend): nothing is deleted without an explicit confirmation.
 * - 2026-07-28 with a client that can ask its user: an input_required result, and only the user's "yes" deletes;
 * - 2025-11-25 served statelessly (and any client declaring no elicitation): nothing without `confirm: true`;
 * - a 2025 connection with a session (as over stdio): the SDK's legacy shim asks with a real elicitation.
 * Each test works in a workspace of its own, so a deletion is seen by the next read and by nothing else.
 */
import { Client, InMemoryTransport, StreamableHTTPClientTransport, type CallToolResult, type ElicitResult } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema as ElicitRequestSchemaV1 } from '@modelcontextprotocol/sdk/types.js';
import { McpServer, createMcpHandler, inputRequired } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFetch } from '@/lib/http/serve-fetch';
import { canElicitForm, readConfirmation } from '../confirmation';
import { scopesForTool } from '../scopes';
import { createDojoMcpServer } from '../server';
import { deleteTaskTool } from '../tools/delete-task';
import { connectEra, type Era } from './eras';
import { NOW, textOf } from './helpers';
import { postRaw, startMockEndpoint } from './raw-json-rpc';

let endpoint: Awaited<ReturnType<typeof startMockEndpoint>>;
beforeAll(async () => {
  endpoint = await startMockEndpoint();
});
afterAll(() => endpoint.running.close());

let workspaces = 0;
/** A fresh workspace of the tiny dataset: its twelve tasks, nobody else's writes. */
const freshWorkspace = (extra = '') => new URL(endpoint.url(`&size=tiny&workspace=delete-${++workspaces}${extra}`));

interface Tiny {
  farewell: string;
  subtasks: string[];
  milk: string;
}

/** Ids of the tiny dataset's tasks this file deletes: "Plan Sam's farewell party" has two subtasks under it. */
async function tinyTasks(url: URL): Promise<Tiny> {
  const tasks = await listTasks(url);
  const id = (content: string) => tasks.find((task) => task.content === content)!.id;
  return { farewell: id("Plan Sam's farewell party"), subtasks: [id('Book a table'), id('Call the Italian place on Main St')], milk: id('Buy milk') };
}

async function listTasks(url: URL): Promise<Array<{ id: string; content: string }>> {
  const client = await connectEra('2025-11-25 (v2 client)', url);
  try {
    return ((await client.call('list_tasks')).structuredContent as { tasks: Array<{ id: string; content: string }> }).tasks;
  } finally {
    await client.close();
  }
}

async function stillThere(url: URL, ids: string[]): Promise<string[]> {
  const left = new Set((await listTasks(url)).map((task) => task.id));
  return ids.filter((id) => left.has(id));
}

/** A v2 client that declares form elicitation and answers every question with `answer`; it records what it was asked. */
async function askingClient(mode: 'auto' | 'legacy', url: URL, answer: ElicitResult) {
  const client = new Client({ name: 'dojo-asking', version: '1.0.0' }, { versionNegotiation: { mode }, capabilities: { elicitation: { form: {} } } });
  const asked: Array<{ message: string; requestedSchema: unknown }> = [];
  client.setRequestHandler('elicitation/create', async (request) => {
    asked.push(request.params as { message: string; requestedSchema: unknown });
    return answer;
  });
  await client.connect(new StreamableHTTPClientTransport(url));
  const call = async (args: Record<string, unknown>) => (await client.callTool({ name: 'delete_task', arguments: args })) as CallToolResult;
  return { client, asked, call };
}

const structured = (result: CallToolResult) => result.structuredContent as { deleted: boolean; outcome: string; subtaskCount: number };

describe('2026-07-28, a client that can ask its user: an input_required result, and only a "yes" deletes', () => {
  it('confirm → deleted with its subtasks: the question named the title and id, and the next read no longer has them', async () => {
    const url = freshWorkspace();
    const tiny = await tinyTasks(url);
    const { client, asked, call } = await askingClient('auto', url, { action: 'accept', content: { confirm: true } });
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
      const result = await call({ task_id: tiny.farewell });
      expect(asked).toHaveLength(1);
      expect(asked[0]!.message).toBe(`Delete the task "Plan Sam's farewell party" (id ${tiny.farewell}) and its 2 subtasks from Todoist? This cannot be undone.`);
      expect(asked[0]!.requestedSchema).toMatchObject({ type: 'object', properties: { confirm: { type: 'boolean', default: false } } });
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toContain(`Deleted the task "Plan Sam's farewell party" (id ${tiny.farewell}) and its 2 subtasks: the user confirmed it.`);
      expect(structured(result)).toMatchObject({ deleted: true, outcome: 'deleted', subtaskCount: 2 });
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [tiny.farewell, ...tiny.subtasks, tiny.milk])).toEqual([tiny.milk]);
  });

  it.each<[string, ElicitResult, string, string]>([
    ['decline', { action: 'decline' }, 'declined', 'Not deleted: the user declined to delete the task "Buy milk"'],
    ['cancel', { action: 'cancel' }, 'cancelled', 'Not deleted: the user dismissed the confirmation for the task "Buy milk"'],
    ['accept without ticking the box', { action: 'accept', content: { confirm: false } }, 'declined', 'Not deleted: the user declined'],
    ['accept with no answer in the form', { action: 'accept', content: {} }, 'declined', 'Not deleted: the user declined'],
  ])('%s → nothing deleted, and the answer says so', async (_name, answer, outcome, says) => {
    const url = freshWorkspace();
    const { milk } = await tinyTasks(url);
    const { client, asked, call } = await askingClient('auto', url, answer);
    try {
      const result = await call({ task_id: milk });
      expect(asked).toHaveLength(1);
      expect(textOf(result)).toContain(says);
      expect(textOf(result)).toContain('Nothing was changed.');
      expect(structured(result)).toMatchObject({ deleted: false, outcome });
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [milk])).toEqual([milk]);
  });

  it('confirm: true in the arguments (what a model can write) does not skip the question: a decline still deletes nothing', async () => {
    const url = freshWorkspace();
    const { milk } = await tinyTasks(url);
    const { client, asked, call } = await askingClient('auto', url, { action: 'decline' });
    try {
      expect(structured(await call({ task_id: milk, confirm: true }))).toMatchObject({ deleted: false, outcome: 'declined' });
      expect(asked).toHaveLength(1);
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [milk])).toEqual([milk]);
  });

  it('on the wire: an input_required result carrying one elicitation/create; only a retry with an accepted answer deletes', async () => {
    const url = freshWorkspace();
    const { milk } = await tinyTasks(url);
    const params = { name: 'delete_task', arguments: { task_id: milk } };
    const first = await postRaw(url.href, '2026-07-28', { id: 1, method: 'tools/call', params }, { elicitation: {} });
    expect(Object.keys(first.message?.result?.inputRequests as object)).toEqual(['confirmation']);
    expect(first.message?.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: {
        confirmation: {
          method: 'elicitation/create',
          params: {
            mode: 'form',
            message: `Delete the task "Buy milk" (id ${milk}) from Todoist? This cannot be undone.`,
            requestedSchema: expect.objectContaining({ type: 'object' }),
          },
        },
      },
    });
    expect(await stillThere(url, [milk])).toEqual([milk]);

    const answered = (confirm: boolean) => ({ ...params, inputResponses: { confirmation: { action: 'accept', content: { confirm } } } });
    const no = await postRaw(url.href, '2026-07-28', { id: 2, method: 'tools/call', params: answered(false) }, { elicitation: {} });
    expect(no.message?.result).toMatchObject({ resultType: 'complete', structuredContent: { deleted: false, outcome: 'declined' } });
    expect(await stillThere(url, [milk])).toEqual([milk]);

    const yes = await postRaw(url.href, '2026-07-28', { id: 3, method: 'tools/call', params: answered(true) }, { elicitation: {} });
    expect(yes.message?.result).toMatchObject({ resultType: 'complete', structuredContent: { deleted: true, outcome: 'deleted' } });
    expect(await stillThere(url, [milk])).toEqual([]);
  });

  it('a client that declares no elicitation is never sent one: it gets the confirm argument, as a 2025 client does', async () => {
    const url = freshWorkspace();
    const { milk } = await tinyTasks(url);
    const client = await connectEra('2026-07-28', url);
    try {
      expect(structured(await client.call('delete_task', { task_id: milk }))).toMatchObject({ deleted: false, outcome: 'needs-confirmation' });
      expect(await stillThere(url, [milk])).toEqual([milk]);
      expect(structured(await client.call('delete_task', { task_id: milk, confirm: true }))).toMatchObject({ deleted: true });
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [milk])).toEqual([]);
  });
});

describe.each<Era>(['2025-11-25 (v2 client)', '2025-11-25 (SDK 1.32)'])('%s, served statelessly: nothing without confirm: true', (era) => {
  it('no confirmation → nothing deleted, and the answer says what would be and how to confirm; confirm: true deletes', async () => {
    const url = freshWorkspace();
    const tiny = await tinyTasks(url);
    const client = await connectEra(era, url);
    try {
      for (const args of [{ task_id: tiny.farewell }, { task_id: tiny.farewell, confirm: false }]) {
        const result = await client.call('delete_task', args);
        expect(result.isError).toBeFalsy();
        expect(textOf(result)).toContain(
          `Not deleted yet, nothing was changed: this would permanently delete the task "Plan Sam's farewell party" (id ${tiny.farewell}) and its 2 subtasks. ` +
            `Ask the user; only if they say yes, call delete_task again with {"task_id":"${tiny.farewell}","confirm":true}.`,
        );
        expect(structured(result)).toMatchObject({ deleted: false, outcome: 'needs-confirmation', subtaskCount: 2 });
      }
      expect(await stillThere(url, [tiny.farewell, ...tiny.subtasks])).toHaveLength(3);

      const confirmed = await client.call('delete_task', { task_id: tiny.farewell, confirm: true });
      expect(textOf(confirmed)).toContain(`Deleted the task "Plan Sam's farewell party" (id ${tiny.farewell}) and its 2 subtasks (confirm: true).`);
      expect(await stillThere(url, [tiny.farewell, ...tiny.subtasks, tiny.milk])).toEqual([tiny.milk]);
      // Deleted is deleted: a second call finds no such task, and deletes nothing else.
      const again = await client.call('delete_task', { task_id: tiny.farewell, confirm: true });
      expect(again.isError).toBe(true);
      expect(textOf(again)).toContain('404');
    } finally {
      await client.close();
    }
  });

  it('the naive strategy has the same tool: its raw JSON says nothing was deleted', async () => {
    const url = freshWorkspace('&strategy=naive');
    const { milk } = await tinyTasks(url);
    const client = await connectEra(era, url);
    try {
      const raw = JSON.parse(textOf(await client.call('delete_task', { task_id: milk }))) as Record<string, unknown>;
      expect(raw).toMatchObject({ task: { id: milk, content: 'Buy milk' }, deleted: false, outcome: 'needs-confirmation' });
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [milk])).toEqual([milk]);
  });
});

describe('a 2025 client that could answer an elicitation is still not asked over stateless HTTP', () => {
  it('the v2 client in legacy mode: its handler never runs, and nothing is deleted', async () => {
    const url = freshWorkspace();
    const { milk } = await tinyTasks(url);
    const { client, asked, call } = await askingClient('legacy', url, { action: 'accept', content: { confirm: true } });
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
      expect(structured(await call({ task_id: milk }))).toMatchObject({ deleted: false, outcome: 'needs-confirmation' });
      expect(asked).toEqual([]);
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [milk])).toEqual([milk]);
  });

  it('the v1 client (SDK 1.32) declaring elicitation: the same', async () => {
    const url = freshWorkspace();
    const { milk } = await tinyTasks(url);
    const client = new ClientV1({ name: 'dojo-v1-asking', version: '1.0.0' }, { capabilities: { elicitation: {} } });
    let asked = 0;
    client.setRequestHandler(ElicitRequestSchemaV1, async () => {
      asked += 1;
      return { action: 'accept', content: { confirm: true } };
    });
    await client.connect(new TransportV1(url));
    try {
      const result = (await client.callTool({ name: 'delete_task', arguments: { task_id: milk } })) as CallToolResult;
      expect(structured(result)).toMatchObject({ deleted: false, outcome: 'needs-confirmation' });
      expect(asked).toBe(0);
    } finally {
      await client.close();
    }
    expect(await stillThere(url, [milk])).toEqual([milk]);
  });

  it('why (the SDK, verified): an input_required returned to a stateless 2025 request becomes an isError — no channel to ask on', async () => {
    const factory = () => {
      const server = new McpServer({ name: 'asks', version: '1.0.0' });
      server.registerTool('ask', { description: 'Asks the user' }, async () =>
        inputRequired({ inputRequests: { q: inputRequired.elicit({ mode: 'form', message: 'Sure?', requestedSchema: { type: 'object', properties: {} } }) } }),
      );
      return server;
    };
    const handler = createMcpHandler(factory, { legacy: 'stateless' });
    const running = await serveFetch((request) => handler.fetch(request));
    const { client, asked } = await askingClient('legacy', new URL(`${running.origin}/`), { action: 'accept', content: {} });
    try {
      const result = (await client.callTool({ name: 'ask', arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('per-request legacy serving cannot receive server-to-client requests');
      expect(asked).toEqual([]);
    } finally {
      await client.close();
      await running.close();
    }
  });
});

describe('a 2025 connection that keeps its session (as over stdio): the SDK legacy shim asks with a real elicitation', () => {
  async function connectInProcess(answer: ElicitResult) {
    const server = createDojoMcpServer({ mock: { size: 'tiny' }, now: () => NOW });
    const client = new Client({ name: 'dojo-stdio-like', version: '1.0.0' }, { capabilities: { elicitation: {} } });
    const asked: string[] = [];
    client.setRequestHandler('elicitation/create', async (request) => {
      asked.push((request.params as { message: string }).message);
      return answer;
    });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
    const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
    return { client, asked, call };
  }

  it.each<[string, ElicitResult, boolean]>([
    ['confirm', { action: 'accept', content: { confirm: true } }, true],
    ['decline', { action: 'decline' }, false],
  ])('%s', async (_name, answer, deleted) => {
    const { client, asked, call } = await connectInProcess(answer);
    try {
      const before = (await call('list_tasks')).structuredContent as { tasks: Array<{ id: string; content: string }> };
      const milk = before.tasks.find((task) => task.content === 'Buy milk')!.id;
      expect(structured(await call('delete_task', { task_id: milk }))).toMatchObject({ deleted });
      expect(asked).toEqual([`Delete the task "Buy milk" (id ${milk}) from Todoist? This cannot be undone.`]);
      const after = await call('get_task', { task_id: milk });
      expect(after.isError === true).toBe(deleted);
    } finally {
      await client.close();
    }
  });
});

describe('the confirmation rules', () => {
  it('delete_task is destructive, idempotent and needs tasks:write like every write', () => {
    expect(deleteTaskTool.annotations).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true });
    expect(scopesForTool(deleteTaskTool.annotations)).toEqual(['tasks:read', 'tasks:write']);
  });

  it('a form elicitation is declared by elicitation.form or a bare elicitation: {}, not by url alone', () => {
    expect(canElicitForm(undefined)).toBe(false);
    expect(canElicitForm({})).toBe(false);
    expect(canElicitForm({ elicitation: {} })).toBe(true);
    expect(canElicitForm({ elicitation: { form: {} } })).toBe(true);
    expect(canElicitForm({ elicitation: { form: {}, url: {} } })).toBe(true);
    expect(canElicitForm({ elicitation: { url: {} } })).toBe(false);
  });

  it('only an accepted, ticked box confirms; anything else is no, and no answer yet is "unanswered"', () => {
    const answer = (response: unknown) => readConfirmation({ confirmation: response });
    expect(answer({ action: 'accept', content: { confirm: true } })).toBe('confirmed');
    expect(answer({ action: 'accept', content: { confirm: 'true' } })).toBe('declined');
    expect(answer({ action: 'accept', content: { confirm: false } })).toBe('declined');
    expect(answer({ action: 'decline' })).toBe('declined');
    expect(answer({ action: 'cancel' })).toBe('cancelled');
    expect(readConfirmation(undefined)).toBe('unanswered');
    expect(readConfirmation({ other: { action: 'accept', content: { confirm: true } } })).toBe('unanswered');
    expect(answer({ roots: [] })).toBe('unanswered');
  });
});
