/**
 * What a Sync answer carries, resource by resource: everything for a full
 * sync, only what changed for an incremental one.
 *
 * The mock's API writes tasks alone, so an incremental sync's items are the
 * tasks written since the token (deleted ones with `is_deleted: true`,
 * completed ones with `checked: true`), and its projects, sections, labels
 * and notes are always empty. Like every answer, objects go through the
 * account's view: they name this account's user.
 */
import type { MockComment, MockUser } from './dataset';
import type { ApiState } from './handlers';

/** Every resource type Todoist's Sync knows (the official SDK's SYNC_RESOURCE_TYPES; a test keeps them equal). */
export const TODOIST_SYNC_RESOURCE_TYPES = [
  'labels', 'projects', 'items', 'notes', 'project_notes', 'sections', 'filters', 'reminders', 'reminders_location',
  'locations', 'user', 'live_notifications', 'collaborators', 'collaborator_states', 'user_settings',
  'notification_settings', 'user_plan_limits', 'completed_info', 'stats', 'workspaces', 'workspace_users',
  'workspace_filters', 'view_options', 'project_view_options_defaults', 'role_actions', 'folders', 'workspace_goals',
  'goals', 'day_orders', 'calendars', 'calendar_accounts', 'suggestions', 'tooltips',
] as const;

/** The ones the mock keeps; `"all"` means these. The others are accepted and answered with nothing. */
export const MOCK_SYNC_RESOURCES = ['items', 'projects', 'sections', 'labels', 'notes', 'user'] as const;
export type MockSyncResource = (typeof MOCK_SYNC_RESOURCES)[number];

/**
 * The resource types a request names, or `undefined` when one is not a
 * Todoist resource type. `"all"` is every one the mock keeps; a leading `-`
 * leaves one out (`["all", "-projects"]`).
 */
export function parseResourceTypes(names: readonly string[]): Set<MockSyncResource> | undefined {
  const wanted = new Set<MockSyncResource>();
  const excluded = new Set<MockSyncResource>();
  for (const name of names) {
    const leftOut = name.startsWith('-');
    const type = leftOut ? name.slice(1) : name;
    const into = leftOut ? excluded : wanted;
    if (type === 'all') MOCK_SYNC_RESOURCES.forEach((each) => into.add(each));
    else if (isMockResource(type)) into.add(type);
    else if (!(TODOIST_SYNC_RESOURCE_TYPES as readonly string[]).includes(type)) return undefined;
  }
  for (const type of excluded) wanted.delete(type);
  return wanted;
}

function isMockResource(name: string): name is MockSyncResource {
  return (MOCK_SYNC_RESOURCES as readonly string[]).includes(name);
}

/** Everything of the wanted types, as a full sync sends it (active tasks, live projects and sections). */
export function fullResources(types: ReadonlySet<MockSyncResource>, state: ApiState): Record<string, unknown> {
  const { store, account } = state;
  const base = store.base;
  const resources: Record<string, unknown> = {};
  if (types.has('items')) resources.items = store.activeTasks().map((task) => account.present(task));
  if (types.has('projects')) resources.projects = base.projects.filter((project) => !project.is_deleted && !project.is_archived);
  if (types.has('sections')) resources.sections = base.sections.filter((section) => !section.is_deleted).map((s) => account.present(s));
  if (types.has('labels')) resources.labels = base.labels;
  if (types.has('notes')) resources.notes = base.comments.filter((note) => !note.is_deleted).map((note) => account.present(asNote(note)));
  if (types.has('user')) resources.user = syncUser(account.user);
  return resources;
}

/** What changed after change `seq`: only tasks ever do in the mock. The user is sent only when it changed: never. */
export function changedResources(seq: number, types: ReadonlySet<MockSyncResource>, state: ApiState): Record<string, unknown> {
  const { store, account } = state;
  const resources: Record<string, unknown> = {};
  if (types.has('items')) resources.items = store.changedSince(seq).map((task) => account.present(task));
  for (const type of ['projects', 'sections', 'labels', 'notes'] as const) if (types.has(type)) resources[type] = [];
  return resources;
}

/** A comment as Sync's `notes` carry it: `reactions` is always there, `null` when there are none. */
function asNote(comment: MockComment): MockComment & { reactions: Record<string, string[]> | null } {
  return { ...comment, reactions: comment.reactions ?? null };
}

/**
 * Sync's `user` carries more than `GET /user`: the settings a Todoist client
 * keeps (goals, theme, features…). The mock fills them with a plain account's
 * values; `websocket_url` is empty, as the mock has no live socket (Todoist's
 * carries a token: nothing like it is ever made up here).
 */
export function syncUser(user: MockUser): Record<string, unknown> {
  // Sync leaves an avatar out when there is none (GET /user sends null).
  const { avatar_big, avatar_medium, avatar_s640, avatar_small, ...rest } = user;
  const avatars = Object.entries({ avatar_big, avatar_medium, avatar_s640, avatar_small }).filter(([, url]) => url !== null);
  return {
    ...rest,
    ...Object.fromEntries(avatars),
    activated_user: true,
    auto_reminder: 0,
    feature_identifier: `${user.id}_mock`,
    features: {
      karma_disabled: false,
      restriction: 3,
      karma_vacation: false,
      dateist_lang: null,
      beta: 0,
      has_push_reminders: true,
      dateist_inline_disabled: false,
    },
    has_magic_number: false,
    has_password: true,
    image_id: null,
    is_celebrations_enabled: true,
    joinable_workspace: null,
    joined_at: '2021-03-01T09:00:00.000000Z',
    getting_started_guide_projects: null,
    premium_until: null,
    share_limit: 51,
    sort_order: 0,
    theme_id: '11',
    unique_prefix: 1,
    verification_status: 'verified',
    websocket_url: '',
  };
}
