/**
 * Sync in the mock, with Todoist's semantics: a full sync, then only what
 * changed (deletions and completions included), tokens bound to one account,
 * commands that are idempotent by uuid and map temp ids — and every write,
 * REST or Sync, in the next delta.
 */
import { describe, expect, it } from 'vitest';
import type { Task } from '@/lib/todoist/schemas';
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../backend';
import { MAX_SYNC_BODY_BYTES, MAX_SYNC_COMMANDS } from '../sync';
import { newMockWorkspaceState, RECENT_COMMANDS_KEPT, type MockWorkspaceState } from '../workspace-state';

const NOW = new Date('2026-10-01T09:00:00Z');
const BASE = 'https://api.todoist.com/api/v1';

interface SyncAnswer {
  sync_token?: string;
  full_sync?: boolean;
  items?: Task[];
  projects?: unknown[];
  sections?: unknown[];
  labels?: unknown[];
  notes?: unknown[];
  user?: { id: string; inbox_project_id: string };
  sync_status?: Record<string, unknown>;
  temp_id_mapping?: Record<string, string>;
}

type Fields = { sync_token?: string; resource_types?: unknown; commands?: unknown };

/** A backend for one request over `state`, the way the server builds them; `sync` posts a form as documented. */
function account(state: MockWorkspaceState = newMockWorkspaceState(), options: MockBackendOptions = {}) {
  const backend = createMockBackend({ size: 'small', seed: 7, now: () => NOW, state, ...options });
  const send = (path: string, init: RequestInit = {}) =>
    backend.transport(new Request(`${BASE}/${path}`, { ...init, headers: { Authorization: 'Bearer t', ...(init.headers as object) } }));
  const post = (fields: Fields) => {
    const form = new URLSearchParams();
    if (fields.sync_token !== undefined) form.set('sync_token', fields.sync_token);
    if (fields.resource_types !== undefined) form.set('resource_types', JSON.stringify(fields.resource_types));
    if (fields.commands !== undefined) form.set('commands', JSON.stringify(fields.commands));
    return send('sync', { method: 'POST', body: form });
  };
  const sync = async (fields: Fields): Promise<SyncAnswer> => {
    const response = await post(fields);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as SyncAnswer;
  };
  return { backend, state, send, post, sync };
}

const ids = (items: Task[] | undefined) => (items ?? []).map((task) => task.id).sort();
const command = (type: string, args: Record<string, unknown>, extra: { uuid?: string; temp_id?: string } = {}) => ({
  type,
  uuid: extra.uuid ?? crypto.randomUUID(),
  args,
  ...(extra.temp_id && { temp_id: extra.temp_id }),
});

function plainTask(backend: MockBackend): Task {
  const tasks = backend.store.activeTasks();
  return tasks.find((task) => !task.due?.is_recurring && task.parent_id === null && !tasks.some((child) => child.parent_id === task.id))!;
}

function parentTask(backend: MockBackend): Task {
  const tasks = backend.store.activeTasks();
  return tasks.find((task) => !task.due?.is_recurring && tasks.some((child) => child.parent_id === task.id))!;
}

describe('full sync', () => {
  it('sends every active task, the projects, sections, labels, notes and the user, with full_sync: true', async () => {
    const { backend, sync } = account();
    const full = await sync({ sync_token: '*', resource_types: ['items', 'projects', 'sections', 'labels', 'notes', 'user'] });
    expect(full.full_sync).toBe(true);
    expect(full.sync_token).toEqual(expect.any(String));
    expect(ids(full.items)).toEqual(ids(backend.store.activeTasks()));
    expect(full.projects!.length).toBe(backend.store.base.projects.filter((p) => !p.is_deleted && !p.is_archived).length);
    expect(full.sections!.length).toBeGreaterThan(0);
    expect(full.labels!.length).toBe(backend.store.base.labels.length);
    expect(full.notes!.length).toBe(backend.store.base.comments.length);
    expect(full.user).toMatchObject({ id: backend.userId, inbox_project_id: backend.store.base.user.inbox_project_id });
    expect(full.sync_status).toBeUndefined();
  });

  it('reads "all", leaves out a type named with a minus, and refuses a type Todoist does not have', async () => {
    const { sync, post } = account();
    const all = await sync({ sync_token: '*', resource_types: ['all', '-projects'] });
    expect(Object.keys(all).sort()).toEqual(['full_sync', 'items', 'labels', 'notes', 'sections', 'sync_token', 'user']);
    const known = await sync({ sync_token: '*', resource_types: ['items', 'filters', 'reminders'] });
    expect(Object.keys(known).sort()).toEqual(['full_sync', 'items', 'sync_token']); // the mock keeps no filters: none sent
    for (const resource_types of [['item'], 'items', [1]]) {
      const refused = await post({ sync_token: '*', resource_types });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error_tag: 'INVALID_ARGUMENT_VALUE', error_extra: { argument: 'resource_types' } });
    }
    const nothing = await post({ sync_token: '*' });
    expect(nothing.status).toBe(400);
    expect(await nothing.json()).toMatchObject({ error_tag: 'ARGUMENT_MISSING', http_code: 400 });
  });

  it('reads the JSON body the official SDK sends as well as the documented form', async () => {
    const { backend, send } = account();
    const response = await send('sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sync_token: '*', resource_types: ['items'], commands: [command('item_add', { content: 'from JSON' })] }),
    });
    const body = (await response.json()) as SyncAnswer;
    expect(body.items!.some((task) => task.content === 'from JSON')).toBe(true);
    expect(body.items).toHaveLength(backend.store.activeTasks().length);
  });
});

describe('incremental sync', () => {
  it('sends only what changed since the token: REST writes, deletions with is_deleted, completions with checked', async () => {
    const { backend, send, sync } = account();
    const full = await sync({ sync_token: '*', resource_types: ['all'] });
    const quiet = await sync({ sync_token: full.sync_token, resource_types: ['all'] });
    expect(quiet).toMatchObject({ full_sync: false, items: [], projects: [], sections: [], labels: [], notes: [] });
    expect(quiet.user).toBeUndefined(); // the user is sent again only when it changes

    const [toEdit, toClose, toDelete] = backend.store.activeTasks().filter((task) => !task.due?.is_recurring && task.parent_id === null);
    const json = { 'Content-Type': 'application/json' };
    const created = (await (await send('tasks', { method: 'POST', headers: json, body: JSON.stringify({ content: 'New one' }) })).json()) as Task;
    await send(`tasks/${toEdit!.id}`, { method: 'POST', headers: json, body: JSON.stringify({ content: 'Edited' }) });
    await send(`tasks/${toClose!.id}/close`, { method: 'POST' });
    await send(`tasks/${toDelete!.id}`, { method: 'DELETE' });

    const delta = await sync({ sync_token: quiet.sync_token, resource_types: ['items'] });
    expect(delta.full_sync).toBe(false);
    const byId = new Map(delta.items!.map((task) => [task.id, task]));
    expect(byId.get(created.id)).toMatchObject({ content: 'New one', checked: false, is_deleted: false });
    expect(byId.get(toEdit!.id)).toMatchObject({ content: 'Edited' });
    expect(byId.get(toClose!.id)).toMatchObject({ checked: true, completed_at: expect.any(String) });
    expect(byId.get(toDelete!.id)).toMatchObject({ is_deleted: true });
    expect(delta.items!.length).toBe(byId.size);
    expect(delta.items!.every((task) => task.user_id === backend.userId)).toBe(true);

    const reopened = await send(`tasks/${toClose!.id}/reopen`, { method: 'POST' });
    expect(reopened.status).toBe(204);
    const next = await sync({ sync_token: delta.sync_token, resource_types: ['items'] });
    expect(next.items).toEqual([expect.objectContaining({ id: toClose!.id, checked: false })]);
  });

  it('announces a closed parent’s subtasks too, and a token from before the close still sees all of them', async () => {
    const { backend, sync, send } = account();
    const parent = parentTask(backend);
    const children = backend.store.descendantsOf(parent.id).filter((task) => !task.checked);
    const { sync_token } = await sync({ sync_token: '*', resource_types: ['items'] });
    await send(`tasks/${parent.id}/close`, { method: 'POST' });
    const delta = await sync({ sync_token, resource_types: ['items'] });
    expect(ids(delta.items)).toEqual([parent.id, ...children.map((task) => task.id)].sort());
    expect(delta.items!.every((task) => task.checked)).toBe(true);
  });

  it('answers a genuine token it can no longer diff with a full sync: after a reset, or once idle data moves to a new day', async () => {
    const state = newMockWorkspaceState();
    const first = account(state);
    const { sync_token } = await first.sync({ sync_token: '*', resource_types: ['items'] });
    await first.send('tasks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"content":"gone after reset"}' });
    first.backend.reset();
    const afterReset = await first.sync({ sync_token, resource_types: ['items'] });
    expect(afterReset.full_sync).toBe(true);
    expect(afterReset.items!.some((task) => task.content === 'gone after reset')).toBe(false);
    expect((await first.sync({ sync_token: afterReset.sync_token, resource_types: ['items'] })).full_sync).toBe(false);

    const idle = newMockWorkspaceState();
    const today = await account(idle).sync({ sync_token: '*', resource_types: ['items'] });
    const tomorrow = account(idle, { now: () => new Date('2026-10-02T09:00:00Z') });
    expect((await tomorrow.sync({ sync_token: today.sync_token, resource_types: ['items'] })).full_sync).toBe(true);
  });
});

describe('sync tokens', () => {
  it('refuses another account’s token, an edited one and one for another dataset with 400 and Todoist’s error body', async () => {
    const state = newMockWorkspaceState();
    const mine = account(state);
    await mine.sync({ commands: [command('item_add', { content: 'so the token is past change 0' })] });
    const { sync_token } = await mine.sync({ sync_token: '*', resource_types: ['items'] });
    const token = sync_token!;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const decoded = Buffer.from(token, 'base64url').toString().replace(/^\d+/, '0');
    const rewound = Buffer.from(decoded).toString('base64url'); // an earlier change, signature kept: refused too

    for (const [who, attempt] of [
      ['another account', () => account().post({ sync_token: token, resource_types: ['items'] })],
      ['an edited token', () => mine.post({ sync_token: tampered, resource_types: ['items'] })],
      ['a rewound token', () => mine.post({ sync_token: rewound, resource_types: ['items'] })],
      ['garbage', () => mine.post({ sync_token: 'not a token', resource_types: ['items'] })],
      ['another dataset', () => account(state, { size: 'tiny' }).post({ sync_token: token, resource_types: ['items'] })],
    ] as const) {
      const response = await attempt();
      expect(response.status, who).toBe(400);
      const body = await response.json();
      expect(body, who).toEqual({
        error: expect.stringContaining('sync_token=*'),
        error_code: 20,
        error_extra: { event_id: expect.any(String), argument: 'sync_token' },
        error_tag: 'INVALID_ARGUMENT_VALUE',
        http_code: 400,
      });
      expect(JSON.stringify(body), who).not.toContain(token);
    }
  });

  it('runs no command of a request whose token is refused', async () => {
    const { backend, post } = account();
    const before = backend.store.activeTasks().length;
    const response = await post({ sync_token: 'forged', resource_types: ['items'], commands: [command('item_add', { content: 'x' })] });
    expect(response.status).toBe(400);
    expect(backend.store.activeTasks()).toHaveLength(before);
    expect(backend.store.changeSeq).toBe(0);
  });
});

describe('commands', () => {
  it('maps temp ids, lets later commands name a task by its temp id, and shows every write in the next delta', async () => {
    const { backend, sync } = account();
    const { sync_token } = await sync({ sync_token: '*', resource_types: ['items'] });
    const done = plainTask(backend);
    const answer = await sync({
      commands: [
        command('item_add', { content: 'Parent', due: { string: 'tomorrow' } }, { uuid: 'u-1', temp_id: 'tmp-parent' }),
        command('item_add', { content: 'Child', parent_id: 'tmp-parent' }, { uuid: 'u-2', temp_id: 'tmp-child' }),
        command('item_update', { id: 'tmp-child', description: 'named by temp id', priority: 4 }, { uuid: 'u-3' }),
        command('item_close', { id: done.id }, { uuid: 'u-4' }),
      ],
    });
    expect(answer.sync_token).toBeUndefined(); // commands alone do not move a reader's token on
    expect(answer.sync_status).toEqual({ 'u-1': 'ok', 'u-2': 'ok', 'u-3': 'ok', 'u-4': 'ok' });
    const parentId = answer.temp_id_mapping!['tmp-parent']!;
    const childId = answer.temp_id_mapping!['tmp-child']!;
    expect(backend.store.findActiveTask(childId)).toMatchObject({ parent_id: parentId, description: 'named by temp id', priority: 4 });
    expect(backend.store.findActiveTask(parentId)!.due!.date).toBe('2026-10-02');

    const delta = await sync({ sync_token, resource_types: ['items'] });
    expect(ids(delta.items)).toEqual([parentId, childId, done.id].sort());
    expect(delta.items!.find((task) => task.id === done.id)).toMatchObject({ checked: true });
  });

  it('completes, uncompletes, deletes, removes a due date; answers each command on its own', async () => {
    const { backend, sync } = account();
    const [a, b, c] = backend.store.activeTasks().filter((task) => !task.due?.is_recurring && task.parent_id === null && task.due);
    const answer = await sync({
      commands: [
        command('item_complete', { id: a!.id, completed_at: NOW.toISOString() }, { uuid: 'complete' }),
        command('item_uncomplete', { id: a!.id }, { uuid: 'uncomplete' }),
        command('item_delete', { id: b!.id }, { uuid: 'delete' }),
        command('item_update', { id: c!.id, due: null }, { uuid: 'no-due' }),
        command('item_close', { id: 'NoSuchTask12345' }, { uuid: 'missing' }),
        command('item_update', { id: c!.id, priority: 9 }, { uuid: 'bad-priority' }),
        command('project_add', { name: 'Not in the mock' }, { uuid: 'unsupported' }),
      ],
    });
    expect(answer.sync_status).toMatchObject({
      complete: 'ok',
      uncomplete: 'ok',
      delete: 'ok',
      'no-due': 'ok',
      missing: { error_tag: 'ITEM_NOT_FOUND', error_code: 22, http_code: 404, error: 'Item not found', error_extra: expect.any(Object) },
      'bad-priority': { error_tag: 'INVALID_ARGUMENT_VALUE', http_code: 400, error_extra: { argument: 'priority' } },
      unsupported: { error_tag: 'NOT_IMPLEMENTED', http_code: 501 },
    });
    expect(backend.store.findActiveTask(a!.id)).toMatchObject({ checked: false });
    expect(backend.store.findActiveTask(b!.id)).toBeUndefined();
    expect(backend.store.findActiveTask(c!.id)).toMatchObject({ due: null, priority: c!.priority });
  });

  it('is idempotent by uuid: a repeated command answers as before and writes nothing, even from a later request', async () => {
    const state = newMockWorkspaceState();
    const batch = [
      command('item_add', { content: 'Once only' }, { uuid: 'add-1', temp_id: 'tmp-1' }),
      command('item_close', { id: plainTask(account(state).backend).id }, { uuid: 'close-1' }),
    ];
    const first = await account(state).sync({ commands: batch });
    const seq = state.sync!.seq;
    const stored = JSON.parse(JSON.stringify(state)) as MockWorkspaceState; // as through a key-value store
    const again = account(stored);
    const replay = await again.sync({ commands: batch });
    expect(replay).toEqual(first);
    expect(stored.sync!.seq).toBe(seq);
    expect(again.backend.store.activeTasks().filter((task) => task.content === 'Once only')).toHaveLength(1);

    // A retried batch may also name the task by the temp id it already mapped.
    const follow = await again.sync({ commands: [command('item_update', { id: 'tmp-1', content: 'Renamed' }, { uuid: 'upd' })] });
    expect(follow.sync_status).toEqual({ upd: 'ok' });
    expect(again.backend.store.findActiveTask(first.temp_id_mapping!['tmp-1']!)!.content).toBe('Renamed');

    // The same uuid twice in one batch runs once.
    const twice = await again.sync({ commands: [command('item_add', { content: 'dup' }, { uuid: 'same' }), command('item_add', { content: 'dup' }, { uuid: 'same' })] });
    expect(twice.sync_status).toEqual({ same: 'ok' });
    expect(again.backend.store.activeTasks().filter((task) => task.content === 'dup')).toHaveLength(1);
  });

  it('remembers only the latest uuids, so the state stays bounded', async () => {
    const { state, sync } = account();
    for (let round = 0; round < 3; round++) {
      await sync({ commands: Array.from({ length: 100 }, (_, i) => command('item_uncomplete', { id: `NoSuchTask${round}x${i}` })) });
    }
    expect(state.sync!.commands).toHaveLength(RECENT_COMMANDS_KEPT);
  });

  it(`refuses more than ${MAX_SYNC_COMMANDS} commands, or a malformed one, with 400 and writes nothing`, async () => {
    const { backend, post } = account();
    const tooMany = Array.from({ length: MAX_SYNC_COMMANDS + 1 }, (_, i) => command('item_add', { content: `t${i}` }));
    for (const [commands, message] of [
      [tooMany, /at most 100/],
      [[{ type: 'item_add', args: { content: 'no uuid' } }], /commands\[0\]\.uuid/],
      [[command('item_add', { content: 'ok' }), 'not an object'], /commands\[1\]/],
      ['not json [', /JSON array/],
    ] as const) {
      const response = await post({ commands });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error_tag: 'INVALID_ARGUMENT_VALUE', error: expect.stringMatching(message), error_extra: { argument: 'commands' } });
    }
    expect(backend.store.changeSeq).toBe(0);
    const exactly = await post({ commands: tooMany.slice(0, MAX_SYNC_COMMANDS) });
    expect(exactly.status).toBe(200);
  });

  it('refuses a body over the cap with 413 before reading it all', async () => {
    const { send } = account();
    const response = await send('sync', { method: 'POST', body: `sync_token=*&resource_types=["items"]&pad=${'x'.repeat(MAX_SYNC_BODY_BYTES)}` });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error_tag: 'REQUEST_TOO_LARGE', http_code: 413 });
  });

  it('checks each command against the token’s scopes, as the REST call it stands for', async () => {
    const task = plainTask(account().backend);
    const scoped = (scopes: string[]) => account(newMockWorkspaceState(), { scopes });
    const reader = await scoped(['data:read']).sync({
      sync_token: '*',
      resource_types: ['items'],
      commands: [command('item_add', { content: 'no' }, { uuid: 'add' })],
    });
    expect(reader.items!.length).toBeGreaterThan(0);
    expect(reader.sync_status).toEqual({ add: expect.objectContaining({ error_tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE', http_code: 403 }) });

    const writer = await scoped(['data:read_write']).sync({
      commands: [command('item_close', { id: task.id }, { uuid: 'close' }), command('item_delete', { id: task.id }, { uuid: 'delete' })],
    });
    expect(writer.sync_status).toMatchObject({ close: 'ok', delete: { error_tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE' } });

    const adder = scoped(['task:add']);
    expect((await adder.sync({ commands: [command('item_add', { content: 'yes' }, { uuid: 'a' })] })).sync_status).toEqual({ a: 'ok' });
    const read = await adder.post({ sync_token: '*', resource_types: ['items'] });
    expect(read.status).toBe(403);
    expect(await read.json()).toMatchObject({ error_tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE' });
  });
});

describe('faults apply to Sync like any endpoint', () => {
  it('rate-limited, down and malformed', async () => {
    const limited = account(newMockWorkspaceState({ scenario: { name: 'rate-limited', rateLimit: { requests: 1 } } }));
    expect((await limited.post({ sync_token: '*', resource_types: ['user'] })).status).toBe(200);
    const refused = await limited.post({ sync_token: '*', resource_types: ['user'] });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error_tag: 'TOO_MANY_REQUESTS' });

    await expect(account(newMockWorkspaceState({ scenario: 'down' })).post({ sync_token: '*', resource_types: ['items'] })).rejects.toThrow(TypeError);

    const drifted = account(newMockWorkspaceState({ scenario: { name: 'malformed', malformed: { variant: 'missing-field' } } }));
    const body = (await (await drifted.post({ sync_token: '*', resource_types: ['items'] })).json()) as SyncAnswer;
    expect(body.items!.filter((task) => !('priority' in task))).toHaveLength(1);
  });
});

describe('the account', () => {
  it('is a Todoist user of its own: two copies of one dataset are two users, in /user, Sync and every task', async () => {
    const alice = account();
    const bob = account();
    expect(alice.backend.userId).toMatch(/^\d{9}$/);
    expect(alice.backend.userId).not.toBe(bob.backend.userId);
    expect(alice.backend.userId).not.toBe(alice.backend.store.base.user.id);
    const user = (await (await alice.send('user')).json()) as { id: string; full_name: string };
    expect(user).toMatchObject({ id: alice.backend.userId, full_name: alice.backend.store.base.user.full_name });
    const page = (await (await alice.send('tasks?limit=5')).json()) as { results: Task[] };
    expect(page.results.every((task) => task.user_id === alice.backend.userId && task.added_by_uid === alice.backend.userId)).toBe(true);
    expect((await alice.sync({ sync_token: '*', resource_types: ['user'] })).user!.id).toBe(alice.backend.userId);
    expect(alice.backend.store.base.tasks[0]!.user_id).toBe(alice.backend.store.base.user.id); // the shared data is untouched
  });

  it('keeps its id across requests, and a state stored before accounts had ids gets one and keeps it', async () => {
    const state = newMockWorkspaceState();
    expect(account(state).backend.userId).toBe(account(state).backend.userId);
    const old = legacyState();
    const loaded = account(old);
    expect(loaded.backend.userId).toMatch(/^\d{9}$/);
    expect(account(old).backend.userId).toBe(loaded.backend.userId);
  });
});

describe('a workspace state stored before Sync existed', () => {
  it('loads, keeps its writes, and syncs from there', async () => {
    const old = legacyState();
    const loaded = account(JSON.parse(JSON.stringify(old)) as MockWorkspaceState);
    expect(loaded.backend.store.findActiveTask('legacyTask00001')).toMatchObject({ content: 'Written before Sync' });
    const full = await loaded.sync({ sync_token: '*', resource_types: ['items'] });
    expect(full.items!.some((task) => task.id === 'legacyTask00001')).toBe(true);
    expect((await loaded.sync({ sync_token: full.sync_token, resource_types: ['items'] })).items).toEqual([]); // old writes predate the token
    await loaded.sync({ commands: [command('item_close', { id: 'legacyTask00001' })] });
    const delta = await loaded.sync({ sync_token: full.sync_token, resource_types: ['items'] });
    expect(delta.items).toEqual([expect.objectContaining({ id: 'legacyTask00001', checked: true })]);
  });
});

describe('change sequence', () => {
  it('is bumped by every task write and stamps the task; an idle workspace stays small', async () => {
    const { backend, state, send } = account();
    expect(state.sync).toBeUndefined();
    expect(JSON.stringify(state).length).toBeLessThan(500);
    const task = plainTask(backend);
    await send(`tasks/${task.id}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"content":"one"}' });
    const afterOne = backend.store.changeSeq;
    expect(afterOne).toBeGreaterThan(0);
    expect(state.changes['small:7']!.seq![task.id]).toBe(afterOne);
    await send(`tasks/${task.id}/close`, { method: 'POST' });
    expect(backend.store.changeSeq).toBeGreaterThan(afterOne);
    expect(state.changes['small:7']!.seq![task.id]).toBe(backend.store.changeSeq);
    expect(backend.store.changedSince(afterOne).map((each) => each.id)).toEqual([task.id]);
  });
});

/** A state as stored before this change: no user id, no sync log, no per-task sequence. */
function legacyState(): MockWorkspaceState {
  const base = createMockBackend({ size: 'small', seed: 7, now: () => NOW }).store.base;
  const template = base.tasks.find((task) => task.parent_id === null && !task.due?.is_recurring)!;
  const task: Task = { ...structuredClone(template), id: 'legacyTask00001', content: 'Written before Sync' };
  const fresh = newMockWorkspaceState();
  return JSON.parse(
    JSON.stringify({
      scenario: fresh.scenario,
      changes: { 'small:7': { today: '2026-10-01', tasks: { [task.id]: task }, created: [task.id] } },
      counters: fresh.counters,
      nextId: 1,
      cursorSecret: 'legacy-secret',
    }),
  ) as MockWorkspaceState;
}
