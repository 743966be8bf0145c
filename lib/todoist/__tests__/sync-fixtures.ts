/**
 * Sync answers as Todoist sends them (snake_case, extra fields included),
 * shaped after the official SDK's SyncResponse; sync.test.ts has the SDK parse
 * them, so they cannot drift from the real thing unnoticed.
 */
import type { Project } from '../schemas';
import { projectFixture, taskFixture } from './fixtures';

export const INBOX_ID = '6Jf8VQXxpwv56VQ7';
export const WORK_ID = '6Jf8VQXxpwv56VQ9';

/** A project as Sync sends it: the REST fields and a few the SDK insists on. */
export function syncProject(overrides: Partial<Project> = {}) {
  return { ...projectFixture(overrides), can_assign_tasks: false, is_frozen: false, default_order: 0 };
}

/** What `sync_token=*` with items and projects answers: everything. */
export function fullSyncAnswer() {
  return {
    sync_token: 'token-1',
    full_sync: true,
    full_sync_date_utc: '2026-10-01T11:59:58Z',
    items: [
      taskFixture({ id: 'task-today', project_id: INBOX_ID, v2_id: 'ignored-extra' }),
      taskFixture({ id: 'task-later', project_id: WORK_ID, due: { date: '2026-10-09', string: 'Oct 9', lang: 'en', is_recurring: false, timezone: null } }),
    ],
    projects: [syncProject({ id: INBOX_ID, name: 'Inbox', inbox_project: true }), syncProject({ id: WORK_ID, name: 'Work' })],
    sync_status: {},
    temp_id_mapping: {},
    day_orders: {},
  };
}

/** What the next sync answers after one task was completed: that task alone, `checked: true`. */
export function completedDelta() {
  return {
    sync_token: 'token-2',
    full_sync: false,
    items: [taskFixture({ id: 'task-today', project_id: INBOX_ID, checked: true, completed_at: '2026-10-01T12:00:00.000000Z' })],
    projects: [],
    sync_status: {},
    temp_id_mapping: {},
  };
}

/** Todoist's error body, as every error carries it. */
export function errorAnswer(status: number, tag: string, extra: Record<string, unknown> = {}, error = 'Error') {
  return { error, error_code: status === 400 ? 20 : status, error_extra: { event_id: 'e1', ...extra }, error_tag: tag, http_code: status };
}
