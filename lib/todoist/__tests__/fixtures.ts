/** Real-shaped API v1 objects, as the wire sends them (extra fields included). */
import type { Project, Section, Task } from '../schemas';

export function taskFixture(overrides: Partial<Task> & Record<string, unknown> = {}): Task {
  return {
    id: '6XR4GqQQCW6Gv9h4',
    user_id: '2671355',
    project_id: '6Jf8VQXxpwv56VQ7',
    section_id: null,
    parent_id: null,
    content: 'Buy **milk**',
    description: '',
    labels: ['errands'],
    priority: 4,
    due: { date: '2026-10-01', string: 'today', lang: 'en', is_recurring: false, timezone: null },
    deadline: null,
    duration: null,
    child_order: 1,
    day_order: -1,
    is_collapsed: false,
    checked: false,
    is_deleted: false,
    added_at: '2026-09-20T08:00:00.000000Z',
    updated_at: '2026-09-20T08:00:00.000000Z',
    completed_at: null,
    added_by_uid: '2671355',
    assigned_by_uid: null,
    responsible_uid: null,
    note_count: 0,
    ...overrides,
  } as Task;
}

export function projectFixture(overrides: Partial<Project> = {}): Project {
  return {
    id: '6Jf8VQXxpwv56VQ7',
    name: 'Inbox',
    description: '',
    color: 'charcoal',
    parent_id: null,
    child_order: 0,
    is_collapsed: false,
    is_favorite: false,
    is_archived: false,
    is_deleted: false,
    is_shared: false,
    view_style: 'list',
    created_at: '2026-01-01T00:00:00.000000Z',
    updated_at: '2026-01-01T00:00:00.000000Z',
    ...overrides,
  };
}

export function sectionFixture(overrides: Partial<Section> = {}): Section {
  return {
    id: '6Jf8VQXxpwv56VQ8',
    name: 'Next',
    project_id: '6Jf8VQXxpwv56VQ7',
    section_order: 1,
    is_collapsed: false,
    is_archived: false,
    is_deleted: false,
    added_at: '2026-01-01T00:00:00.000000Z',
    updated_at: null,
    archived_at: null,
    user_id: '2671355',
    ...overrides,
  };
}

/** A transport that answers from a function, recording every request it saw. */
export function scriptedTransport(answer: (request: Request, index: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const transport = async (request: Request) => {
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return { transport, requests };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}
