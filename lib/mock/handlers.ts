/**
 * The contract-true Todoist API v1, as MSW request handlers.
 *
 * Paths are written `*\/api/v1/...` so the same handlers answer for any base
 * URL: in process through `getResponse` (transport.ts) and over real HTTP
 * through the local stand-in (standin.ts). State lives in the backend's store:
 * tasks are read merged with the workspace's changes (`activeTasks`,
 * `findActiveTask`); the API writes nothing else, so the user, projects,
 * sections, labels and comments are read from the shared base as they are.
 * Every object leaves through the account's view (account.ts): it names this
 * account's user, not the shared dataset's. Sync lives in sync.ts.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { jsonResponse } from './json-response';
import { isTodoistId } from '@/lib/todoist/ids';
import { CreateTaskArgsSchema, UpdateTaskArgsSchema, type Task } from '@/lib/todoist/schemas';
import type { AccountView } from './account';
import { API_ERRORS, apiErrorResponse, invalidArgument, notFound } from './api-errors';
import { cursorBinding, decodeCursor, encodeCursor } from './cursor';
import { FilterSyntaxError, filterTasks, parseFilterQuery } from './filter';
import { MockArgumentError, type MockStore } from './store';
import { answerSync } from './sync';
import type { MockWorkspaceState } from './workspace-state';

/** What the handlers need from a mock backend. */
export interface ApiState {
  readonly store: MockStore;
  /** When set, only `Authorization: Bearer <token>` is accepted. */
  readonly token: string | undefined;
  /** Binds cursors and sync tokens to this workspace and dataset: another workspace's are rejected. */
  readonly cursorSecret: string;
  /** Who the account is: `/user`, and the user id every object shows. */
  readonly account: AccountView;
  /** The workspace's own memory: Sync's command log lives there. */
  readonly state: MockWorkspaceState;
  /** The token's OAuth scopes, when it has some (Sync checks each command's); unset = everything. */
  readonly scopes: readonly string[] | undefined;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
const API = '*/api/v1';

/**
 * The handlers are built once and shared: `stateFor` names the backend (store,
 * token, cursor secret) a request is for, so a backend per request costs no
 * handler construction.
 */
export function createApiHandlers(stateFor: (request: Request) => ApiState): RequestHandler[] {
  const storeFor = (request: Request) => stateFor(request).store;
  return [
    // Every endpoint needs a valid bearer token.
    http.all(`${API}/*`, ({ request }) => unauthorizedUnlessToken(request, stateFor(request).token)),

    http.get(`${API}/tasks`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const refused = refuseInvalidIdParams(params, ['project_id', 'section_id', 'parent_id']) ?? refuseInvalidIdList(params, 'ids');
      if (refused) return refused;
      const ids = params.get('ids')?.split(',').map((id) => id.trim());
      const tasks = storeFor(request).activeTasks().filter(
        (task) =>
          matchesParam(params, 'project_id', task.project_id) &&
          matchesParam(params, 'section_id', task.section_id) &&
          matchesParam(params, 'parent_id', task.parent_id) &&
          (!params.has('label') || task.labels.includes(params.get('label') ?? '')) &&
          (!ids || ids.includes(task.id)),
      );
      return listResponse(request, 'tasks', tasks, stateFor(request));
    }),

    http.get(`${API}/tasks/filter`, ({ request }) => {
      const store = storeFor(request);
      const query = new URL(request.url).searchParams.get('query');
      if (!query) return apiErrorResponse(API_ERRORS.argumentMissing, { extra: { argument: 'query' } });
      let tasks: Task[];
      try {
        tasks = filterTasks(parseFilterQuery(query), store.activeTasks(), {
          today: store.today(),
          userId: store.base.user.id,
          projectsById: new Map(store.base.projects.map((project) => [project.id, project])),
          sectionsById: new Map(store.base.sections.map((section) => [section.id, section])),
        });
      } catch (error) {
        if (!(error instanceof FilterSyntaxError)) throw error;
        return apiErrorResponse(API_ERRORS.invalidSearchQuery, { message: error.message, extra: { argument: 'query' } });
      }
      return listResponse(request, 'tasks/filter', tasks, stateFor(request));
    }),

    // Every `:id` route below first refuses an id that cannot be one, as Todoist does.
    http.all(`${API}/tasks/:id{/*}?`, ({ params }) => refuseInvalidId('task_id', params.id)),
    http.all(`${API}/projects/:id`, ({ params }) => refuseInvalidId('project_id', params.id)),

    http.get(`${API}/tasks/:id`, ({ request, params }) => {
      const task = storeFor(request).findActiveTask(String(params.id));
      return task ? jsonResponse(stateFor(request).account.present(task)) : notFound('Task');
    }),

    http.post(`${API}/tasks`, async ({ request }) => {
      const args = CreateTaskArgsSchema.safeParse(await readJson(request));
      if (!args.success) return invalidArgument(String(args.error.issues[0]?.path[0] ?? 'body'), args.error.issues[0]?.message);
      const state = stateFor(request);
      return writeResult(() => jsonResponse(state.account.present(state.store.createTask(args.data))));
    }),

    http.post(`${API}/tasks/:id/close`, ({ request, params }) => {
      const store = storeFor(request);
      const task = store.findActiveTask(String(params.id));
      if (!task) return notFound('Task');
      store.closeTask(task);
      return new HttpResponse(null, { status: 204 });
    }),

    http.post(`${API}/tasks/:id/reopen`, ({ request, params }) =>
      storeFor(request).reopenTask(String(params.id)) ? new HttpResponse(null, { status: 204 }) : notFound('Task'),
    ),

    http.post(`${API}/tasks/:id`, async ({ request, params }) => {
      const store = storeFor(request);
      const task = store.findActiveTask(String(params.id));
      if (!task) return notFound('Task');
      const args = UpdateTaskArgsSchema.safeParse(await readJson(request));
      if (!args.success) return invalidArgument(String(args.error.issues[0]?.path[0] ?? 'body'), args.error.issues[0]?.message);
      return writeResult(() => jsonResponse(stateFor(request).account.present(store.updateTask(task, args.data))));
    }),

    http.delete(`${API}/tasks/:id`, ({ request, params }) => {
      const store = storeFor(request);
      const task = store.findActiveTask(String(params.id));
      if (!task) return notFound('Task');
      store.deleteTask(task);
      return new HttpResponse(null, { status: 204 });
    }),

    http.get(`${API}/projects`, ({ request }) =>
      listResponse(
        request,
        'projects',
        storeFor(request).base.projects.filter((p) => !p.is_deleted && !p.is_archived),
        stateFor(request),
      ),
    ),

    http.get(`${API}/projects/:id`, ({ request, params }) => {
      const project = storeFor(request).base.projects.find((each) => each.id === params.id && !each.is_deleted);
      return project ? jsonResponse(project) : notFound('Project');
    }),

    http.get(`${API}/sections`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const refused = refuseInvalidIdParams(params, ['project_id']);
      if (refused) return refused;
      const sections = storeFor(request).base.sections.filter(
        (section) => !section.is_deleted && matchesParam(params, 'project_id', section.project_id),
      );
      return listResponse(request, 'sections', sections, stateFor(request));
    }),

    http.get(`${API}/labels`, ({ request }) => listResponse(request, 'labels', storeFor(request).base.labels, stateFor(request))),

    http.get(`${API}/comments`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const taskId = params.get('task_id');
      const projectId = params.get('project_id');
      if ((taskId === null) === (projectId === null)) {
        return invalidArgument('task_id', 'Exactly one of task_id or project_id is required');
      }
      const refused = refuseInvalidIdParams(params, ['task_id', 'project_id']);
      if (refused) return refused;
      const comments = storeFor(request).base.comments.filter((comment) =>
        taskId !== null ? comment.item_id === taskId : comment.project_id === projectId,
      );
      return listResponse(request, 'comments', comments, stateFor(request));
    }),

    http.get(`${API}/user`, ({ request }) => jsonResponse(stateFor(request).account.user)),

    http.post(`${API}/sync`, ({ request }) => answerSync(request, stateFor(request))),
  ];
}

/** A 401 with Todoist's body when the request lacks the (right) bearer token; else fall through. */
export function unauthorizedUnlessToken(request: Request, token: string | undefined): Response | undefined {
  const header = request.headers.get('authorization') ?? '';
  const sent = /^Bearer (.+)$/.exec(header)?.[1]?.trim();
  if (sent && (token === undefined || sent === token)) return undefined;
  return apiErrorResponse(API_ERRORS.unauthorized, {
    message: sent ? 'Invalid token' : 'Missing Authorization header with a bearer token',
  });
}

/**
 * One page of a list, the way Todoist pages: `limit` (default 50, max 200),
 * an opaque `next_cursor` bound to these exact parameters, `null` at the end.
 */
export function listResponse<Item>(request: Request, path: string, items: Item[], state: ApiState): Response {
  const params = new URL(request.url).searchParams;
  const limitParam = params.get('limit');
  const limit = limitParam === null ? DEFAULT_PAGE_LIMIT : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    return invalidArgument('limit', `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}, got "${limitParam}"`);
  }
  const binding = cursorBinding(path, params);
  const cursor = params.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor, binding, state.cursorSecret)?.offset;
  if (offset === undefined) {
    return invalidArgument('cursor', 'Invalid cursor: it was not issued for these parameters');
  }
  const end = offset + limit;
  const { account } = state;
  return jsonResponse({
    results: items.slice(offset, end).map((item) => account.present(item)),
    next_cursor: end < items.length ? encodeCursor({ offset: end }, binding, state.cursorSecret) : null,
  });
}

/** The 1-based page a list request asks for, read from its cursor (page 1 without one). */
export function requestedPage(request: Request, state: ApiState, path: string): number | undefined {
  const params = new URL(request.url).searchParams;
  const limit = Number(params.get('limit') ?? DEFAULT_PAGE_LIMIT);
  const cursor = params.get('cursor');
  if (cursor === null) return 1;
  const offset = decodeCursor(cursor, cursorBinding(path, params), state.cursorSecret)?.offset;
  return offset === undefined || !(limit > 0) ? undefined : Math.floor(offset / limit) + 1;
}

/**
 * Todoist refuses an id that cannot be one (empty, too long, characters no id
 * has) with 400 INVALID_ARGUMENT_VALUE naming the argument — and, like every
 * error here, without repeating the value, however long it is.
 */
function refuseInvalidId(argument: string, id: unknown): Response | undefined {
  return typeof id === 'string' && isTodoistId(id) ? undefined : invalidArgument(argument);
}

function refuseInvalidIdParams(params: URLSearchParams, names: string[]): Response | undefined {
  const invalid = names.find((name) => params.has(name) && !isTodoistId(params.get(name) ?? ''));
  return invalid === undefined ? undefined : invalidArgument(invalid);
}

/** `ids=a,b,c`: every one of them must be an id. */
function refuseInvalidIdList(params: URLSearchParams, name: string): Response | undefined {
  const ids = params.get(name);
  if (ids === null || ids.split(',').every((id) => isTodoistId(id.trim()))) return undefined;
  return invalidArgument(name);
}

function matchesParam(params: URLSearchParams, name: string, value: string | null): boolean {
  return !params.has(name) || params.get(name) === value;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // schema validation then names the problem
  }
}

function writeResult(write: () => Response): Response {
  try {
    return write();
  } catch (error) {
    if (error instanceof MockArgumentError) return invalidArgument(error.argument, error.message);
    throw error;
  }
}
