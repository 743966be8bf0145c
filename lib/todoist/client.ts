/**
 * A small, typed Todoist API v1 client — the *fetching* layer.
 *
 * It knows HTTP, auth, timeouts and the response contract (zod schemas); it
 * knows nothing about pagination strategies, retries or presentation. Every
 * failure becomes one of the typed errors in ./errors, and every success is
 * schema-checked, so no `any` ever leaves this file.
 */
import type { z } from 'zod';
import {
  TodoistApiError,
  TodoistInvalidIdError,
  TodoistInvalidResponseError,
  TodoistNetworkError,
  TodoistTimeoutError,
} from './errors';
import { isTodoistId } from './ids';
import { readRetryAfterSeconds } from './retry-after';
import {
  CommentSchema,
  LabelSchema,
  ProjectSchema,
  SectionSchema,
  TaskSchema,
  TodoistErrorBodySchema,
  UserSchema,
  listEnvelopeSchema,
  type CreateTaskArgs,
  type ListPage,
  type Task,
  type UpdateTaskArgs,
} from './schemas';
import { syncRead } from './sync';
import { FULL_SYNC_TOKEN, type SyncItem } from './sync-schemas';
import { DEFAULT_TODOIST_BASE_URL, type Transport } from './transport';

/**
 * Runs one logical request, possibly more than once (retries, a circuit
 * breaker): the resilience seam. `attempt` performs one HTTP exchange; its
 * optional signal (e.g. the call's deadline) aborts it.
 */
export type RequestExecutor = <T>(label: string, attempt: (signal?: AbortSignal) => Promise<T>) => Promise<T>;

const runOnce: RequestExecutor = (_label, attempt) => attempt();

export interface TodoistClientOptions {
  transport: Transport;
  /** Wraps every request (retry, breaker); by default each request runs once. */
  execute?: RequestExecutor;
  token: string;
  /** Defaults to https://api.todoist.com/api/v1. */
  baseUrl?: string;
  /** Per-request timeout. The API itself gives up after 15 s. */
  timeoutMs?: number;
}

/** Query parameters; `undefined` values are left out of the URL. */
export type QueryParams = Record<string, string | number | undefined>;

interface RequestOptions<S extends z.ZodType | undefined> {
  query?: QueryParams;
  body?: unknown;
  /** Schema of the success body; `undefined` for endpoints that answer 204. */
  schema: S;
  signal?: AbortSignal;
}

/** The largest page the API accepts: more is a 400 INVALID_ARGUMENT_VALUE. */
export const MAX_PAGE_LIMIT = 200;

/** The list endpoints, each with the schema of its items. */
export const LISTINGS = {
  tasks: { path: 'tasks', item: TaskSchema },
  tasksByFilter: { path: 'tasks/filter', item: TaskSchema },
  projects: { path: 'projects', item: ProjectSchema },
  sections: { path: 'sections', item: SectionSchema },
  labels: { path: 'labels', item: LabelSchema },
  comments: { path: 'comments', item: CommentSchema },
} as const;

export type ListingName = keyof typeof LISTINGS;
export type ListingItem<Name extends ListingName> = z.infer<(typeof LISTINGS)[Name]['item']>;

export class TodoistClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #transport: Transport;
  readonly #execute: RequestExecutor;
  // Private, so the token cannot leak through logging or serialising the client.
  readonly #token: string;

  constructor(options: TodoistClientOptions) {
    this.#transport = options.transport;
    this.#execute = options.execute ?? runOnce;
    this.#token = options.token;
    this.baseUrl = (options.baseUrl ?? DEFAULT_TODOIST_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** One page of a list endpoint. `limit` is clamped to 200, never sent above. */
  listPage<Name extends ListingName>(
    name: Name,
    query: QueryParams = {},
    signal?: AbortSignal,
  ): Promise<ListPage<ListingItem<Name>>> {
    const { path, item } = LISTINGS[name];
    const limit = query.limit === undefined ? undefined : clampLimit(Number(query.limit));
    return this.request('GET', path, {
      query: { ...query, limit },
      schema: listEnvelopeSchema(item),
      signal,
    }) as Promise<ListPage<ListingItem<Name>>>;
  }

  /**
   * Every active task in one request: a full sync (`sync_token=*`) of items alone, through the same
   * transport, token, timeout and executor (retries, breaker) as every page. Completed or deleted items
   * are left out, so the answer is what paging GET /tasks returns, perhaps in another order.
   */
  async listAllTasksBySync(signal?: AbortSignal): Promise<Task[]> {
    const { response } = await syncRead(
      { transport: this.#transport, token: this.#token, baseUrl: this.baseUrl, timeoutMs: this.timeoutMs, execute: this.#execute },
      { syncToken: FULL_SYNC_TOKEN, resourceTypes: ['items'], signal },
    );
    // Anything but the whole list would read as "you have no tasks": refuse it, as a page of the wrong shape is.
    if (!response.full_sync || !response.items) {
      const missing = response.items ? 'full_sync is false (a delta, not the whole list)' : 'field "items" is missing';
      throw new TodoistInvalidResponseError('POST', 'sync', `a full sync of items was asked for, but ${missing}`);
    }
    return response.items.filter(isActiveTask);
  }

  // The methods that put an id into the path are async, so a refused id is a rejected promise like any failure.
  async getTask(id: string, signal?: AbortSignal) {
    return this.request('GET', idPath('GET', 'tasks/{id}', id), { schema: TaskSchema, signal });
  }

  async getProject(id: string, signal?: AbortSignal) {
    return this.request('GET', idPath('GET', 'projects/{id}', id), { schema: ProjectSchema, signal });
  }

  getUser(signal?: AbortSignal) {
    return this.request('GET', 'user', { schema: UserSchema, signal });
  }

  createTask(args: CreateTaskArgs, signal?: AbortSignal) {
    return this.request('POST', 'tasks', { body: args, schema: TaskSchema, signal });
  }

  async updateTask(id: string, args: UpdateTaskArgs, signal?: AbortSignal) {
    return this.request('POST', idPath('POST', 'tasks/{id}', id), { body: args, schema: TaskSchema, signal });
  }

  async closeTask(id: string, signal?: AbortSignal) {
    return this.request('POST', idPath('POST', 'tasks/{id}/close', id), { schema: undefined, signal });
  }

  async reopenTask(id: string, signal?: AbortSignal) {
    return this.request('POST', idPath('POST', 'tasks/{id}/reopen', id), { schema: undefined, signal });
  }

  async deleteTask(id: string, signal?: AbortSignal) {
    return this.request('DELETE', idPath('DELETE', 'tasks/{id}', id), { schema: undefined, signal });
  }

  /** One logical request, run through the executor (which may retry it). */
  request<S extends z.ZodType | undefined>(
    method: string,
    path: string,
    options: RequestOptions<S>,
  ): Promise<S extends z.ZodType ? z.infer<S> : void> {
    return this.#execute(`${method} ${path}`, (signal) =>
      this.#attempt(method, path, { ...options, signal: anySignal(options.signal, signal) }),
    );
  }

  /** Sends one request and turns every outcome into a typed value or a typed error. */
  async #attempt<S extends z.ZodType | undefined>(
    method: string,
    path: string,
    options: RequestOptions<S>,
  ): Promise<S extends z.ZodType ? z.infer<S> : void> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
    try {
      const response = await this.#send(method, path, options, signal);
      // Reading the body is part of the request: a stalled body also times out.
      const text = await response.text();
      if (!response.ok) throw apiErrorFrom(method, path, response, text);
      const { schema } = options;
      return (schema === undefined ? undefined : parseSuccessBody(method, path, text, schema)) as S extends z.ZodType ? z.infer<S> : void;
    } catch (error) {
      if (timeout.signal.aborted && !options.signal?.aborted) {
        throw new TodoistTimeoutError(method, path, this.timeoutMs);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #send(
    method: string,
    path: string,
    { query, body }: RequestOptions<z.ZodType | undefined>,
    signal: AbortSignal,
  ): Promise<Response> {
    const headers = new Headers({ Authorization: `Bearer ${this.#token}` });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const request = new Request(buildUrl(this.baseUrl, path, query), {
      method,
      headers,
      // Stryker disable next-line ConditionalExpression: equivalent — JSON.stringify(undefined) is undefined
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    try {
      return await this.#transport(request);
    } catch (error) {
      if (signal.aborted) throw error; // timeout or caller abort: handled by request()
      throw new TodoistNetworkError(method, path, error);
    }
  }
}

/** A whole task, neither completed (`checked`) nor deleted: a tombstone carries no `checked`. */
function isActiveTask(item: SyncItem): item is Task {
  return 'checked' in item && !item.checked && !item.is_deleted;
}

function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

/**
 * `tasks/{id}` with the id put in. Only a Todoist id is accepted (letters,
 * digits, "_", "-": nothing a URL treats specially), so no argument can turn
 * the path into another endpoint ("..", ".", "a/b", "a?x"). Anything else is
 * refused here, before a request with the token exists.
 */
function idPath(method: string, template: string, id: string): string {
  if (!isTodoistId(id)) throw new TodoistInvalidIdError(method, template, id);
  return template.replace('{id}', id);
}

export function clampLimit(limit: number): number {
  // Stryker disable next-line EqualityOperator: equivalent — a limit of exactly 1 is 1 either way
  if (!Number.isFinite(limit) || limit < 1) return 1;
  return Math.min(Math.floor(limit), MAX_PAGE_LIMIT);
}

export function buildUrl(baseUrl: string, path: string, query: QueryParams = {}): string {
  const url = new URL(`${baseUrl}/${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** A non-2xx answer as a TodoistApiError: Todoist's error body when it sent one, and its retry-after. ./sync uses it too. */
export function apiErrorFrom(method: string, path: string, response: Response, text: string): TodoistApiError {
  const body = TodoistErrorBodySchema.safeParse(safeJson(text));
  const errorBody = body.success ? body.data : undefined;
  return new TodoistApiError(
    method,
    path,
    response.status,
    errorBody,
    readRetryAfterSeconds(response.headers, errorBody?.error_extra),
  );
}

/** A 2xx body checked against `schema`, or a TodoistInvalidResponseError naming the first wrong field. ./sync uses it too. */
export function parseSuccessBody<S extends z.ZodType>(method: string, path: string, text: string, schema: S): z.infer<S> {
  const json = safeJson(text);
  if (json === NOT_JSON) {
    throw new TodoistInvalidResponseError(method, path, `the body is not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
  const first = parsed.error.issues[0];
  throw new TodoistInvalidResponseError(
    method,
    path,
    // Stryker disable next-line OptionalChaining,LogicalOperator,StringLiteral: equivalent — a failed parse always has a first issue
    `field "${paths[0]}" ${first?.message.toLowerCase() ?? 'is invalid'}` +
      (paths.length > 1 ? ` (and ${paths.length - 1} more issue${paths.length > 2 ? 's' : ''})` : ''),
    paths,
  );
}

const NOT_JSON = Symbol('not-json');

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
