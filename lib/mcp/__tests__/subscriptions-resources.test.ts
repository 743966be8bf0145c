/**
 * The resources a client subscribes to, read in process: what each one
 * holds, the project template's id check, what a server advertises about
 * subscriptions, and what a read says while live updates are paused.
 * Over HTTP, with listen streams and tenants: subscriptions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PROVENANCE_META_KEY, type Provenance } from '../provenance';
import { PROJECT_TASKS_TEMPLATE, RESOURCE_URIS, projectTasksUri } from '../resources';
import { NOW, connect, textOf } from './helpers';

const read = async (client: Awaited<ReturnType<typeof connect>>['client'], uri: string) => {
  const result = await client.readResource({ uri });
  return { text: (result.contents[0] as { text: string }).text, provenance: result._meta?.[PROVENANCE_META_KEY] as Provenance };
};

describe('resources', () => {
  it('lists today, overdue and projects, and the project template', async () => {
    const { client, close } = await connect({ now: () => NOW });
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri).sort()).toEqual(
      [RESOURCE_URIS.projects, RESOURCE_URIS.tasksOverdue, RESOURCE_URIS.tasksToday].sort(),
    );
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual([PROJECT_TASKS_TEMPLATE]);
    await close();
  });

  it('todoist://tasks/overdue is what filter_tasks "overdue" answers, with its source line and provenance', async () => {
    const { client, call, close } = await connect({ now: () => NOW });
    const { text, provenance } = await read(client, RESOURCE_URIS.tasksOverdue);
    expect(text.split('\n')[0]).toMatch(/^Source: MOCK DATA/);
    expect(provenance).toMatchObject({ backend: 'mock', source: 'live', degraded: false });
    const tool = textOf(await call('filter_tasks', { query: 'overdue' }));
    // The same lines after the source line: a resource and its tool never disagree.
    expect(text.split('\n').slice(1)).toEqual(tool.split('\n').slice(1));
    expect(text).toMatch(/\d+ tasks? match "overdue":/);
    await close();
  });

  it('todoist://projects/{id}/tasks lists that project’s tasks, as list_tasks does', async () => {
    const { client, call, close } = await connect({ now: () => NOW });
    const projects = (await call('list_projects')).structuredContent as { projects: { id: string }[] };
    const projectId = projects.projects[0]!.id;
    const { text, provenance } = await read(client, projectTasksUri(projectId));
    expect(provenance.backend).toBe('mock');
    const tool = textOf(await call('list_tasks', { project_id: projectId }));
    expect(text.split('\n').slice(1)).toEqual(tool.split('\n').slice(1));
    expect(text).toContain(`(project_id ${projectId})`);
    await close();
  });

  it.each([
    ['a character no id has', 'todoist://projects/bad!id/tasks'],
    ['an encoded slash', 'todoist://projects/..%2Fsync/tasks'],
    ['65 characters', `todoist://projects/${'a'.repeat(65)}/tasks`],
  ])('refuses a project id with %s, naming the rule', async (_, uri) => {
    const { client, close } = await connect({ now: () => NOW });
    await expect(client.readResource({ uri })).rejects.toThrow(/the project id must be a Todoist id: 1 to 64 letters, digits, "_" or "-"/);
    await close();
  });
});

describe('what a server says about subscriptions', () => {
  it('by default (stdio, stateless 2025) advertises none, and resources/subscribe says why instead of pretending', async () => {
    const { client, close } = await connect({ now: () => NOW });
    expect(client.getServerCapabilities()?.resources?.subscribe).toBeUndefined();
    await expect(client.subscribeResource({ uri: RESOURCE_URIS.tasksToday })).rejects.toThrow(
      /resources\/subscribe is not available: This connection has no channel for resource updates: read the resource again/,
    );
    await close();
  });

  it('fed by a bus, advertises resources.subscribe; while the bus is down a read still answers and says updates are paused', async () => {
    let health: { available: true } | { available: false; reason: string; since: Date } = { available: true };
    const { client, close } = await connect({ now: () => NOW, resourceUpdates: { delivery: 'listen', health: () => health } });
    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);

    const healthy = await read(client, RESOURCE_URIS.tasksToday);
    expect(healthy.provenance.note).toBeUndefined();
    expect(healthy.text).not.toContain('paused');

    health = { available: false, reason: 'the event bus is unreachable', since: NOW };
    const paused = await read(client, RESOURCE_URIS.tasksToday);
    expect(paused.provenance).toMatchObject({ source: 'live', degraded: false });
    expect(paused.provenance.note).toBe(
      'live updates paused: the event bus is unreachable (since 2026-10-01T09:00:00.000Z); this read is current, but no update ' +
        'notification will follow until the event bus is back — read again to see changes',
    );
    // The model reads it too, before the data boundary (it is the server speaking, not the user's data).
    const lines = paused.text.split('\n');
    expect(lines[1]).toBe(`Note: ${paused.provenance.note}.`);
    expect(lines.slice(2)).toEqual(healthy.text.split('\n').slice(1));
    await close();
  });
});
