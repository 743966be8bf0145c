/**
 * A tenant's local copy of one Todoist account, kept current with incremental
 * Sync: the first refresh reads everything (`sync_token=*`), every later one
 * only what changed since the stored token. Its job here is to say *what*
 * changed — which tasks, and which subscribable resources — so the tenant's
 * subscribers hear about exactly those URIs.
 *
 * What it holds: active tasks and live projects. A delta's task with
 * `checked: true` (completed) or `is_deleted: true` leaves the replica, as it
 * leaves every view; one with `checked: false` (reopened) comes back. Projects
 * leave when deleted or archived.
 *
 * Stored in the StateStore under the tenant and workspace, so tenants never
 * share one; the token and the data are written together as one value, so a
 * stored replica always matches its token. Plain JSON (records, not Maps), so
 * the Redis store can hold it too.
 *
 * Concurrency: refreshes of one replica run one at a time in this process
 * (PerKeyQueue) — two webhooks at once give two syncs in a row, the second
 * seeing only what the first did not, so no delta is applied twice and none
 * is lost. Several app instances each queue on their own; there, two refreshes
 * can read the same token at once. Each still writes a replica consistent
 * with the token it got, so nothing is corrupted — at worst a later sync
 * repeats a change and its notification. To avoid even that, a
 * multi-instance deployment needs a lock per replica key every instance sees
 * (issue 13: Redis SET NX with a TTL, or compare-and-set on the token).
 */
import { RESOURCE_URIS } from '@/lib/mcp/resources';
import { stateKey, type StateStore } from '@/lib/state';
import type { Project, Task } from '@/lib/todoist/schemas';
import { isInvalidSyncTokenError, syncRead, type SyncConnection } from '@/lib/todoist/sync';
import { FULL_SYNC_TOKEN, isDeleted, type SyncResponse } from '@/lib/todoist/sync-schemas';
import type { Transport } from '@/lib/todoist/transport';
import type { AccountBackend } from './accounts';
import { PerKeyQueue } from './per-key-queue';
import { urisForTaskChange, viewClocks, type ViewClocks } from './replica-uris';

export interface ReplicaState {
  /** `null` until the first full sync. */
  syncToken: string | null;
  /** The account's Todoist user id (what webhooks name), from Sync's `user`. */
  userId?: string;
  /** The user's IANA timezone: what "today" means for them. */
  timeZone?: string;
  /** Active tasks by id. */
  items: Record<string, Task>;
  /** Live (not deleted, not archived) projects by id. */
  projects: Record<string, Project>;
  /** ISO 8601: the last successful refresh. */
  syncedAt?: string;
}

export interface RefreshResult {
  kind: 'incremental' | 'full';
  /** Why a full sync: there was no token yet, the API refused the token, or it chose to send everything. */
  reason?: string;
  changedItemIds: string[];
  changedProjectIds: string[];
  /** The subscribable resources the change touched, each once. */
  changedUris: string[];
  /** HTTP requests this refresh made (2 when a refused token forced a second, full sync). */
  requests: number;
  /** Response bytes, error answers included. */
  bytes: number;
  userId?: string;
}

/** What the replica reads: the account's settings make the key, the connection reaches the API. */
export interface ReplicaOptions {
  store: StateStore;
  tenantKey: string;
  workspace: string;
  backend: AccountBackend;
  connection: SyncConnection;
  now?: () => Date;
}

/** Tasks and projects for the URIs, the user for the account's id and timezone. */
const RESOURCE_TYPES = ['items', 'projects', 'user'] as const;

/** One queue for the whole process: every Replica object for one key waits on the same one. */
const refreshes = new PerKeyQueue();

export class Replica {
  readonly key: string;
  readonly #options: ReplicaOptions;
  readonly #now: () => Date;

  constructor(options: ReplicaOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.key = replicaKey(options.tenantKey, options.workspace, options.backend);
  }

  /** The stored replica, or `undefined` before the first refresh. */
  read(): Promise<ReplicaState | undefined> {
    return this.#options.store.get<ReplicaState>(this.key);
  }

  /** Full sync without a token, else incremental; after the previous refresh of this replica has finished. */
  refresh(signal?: AbortSignal): Promise<RefreshResult> {
    return refreshes.run(this.key, () => this.#refresh(signal));
  }

  /** Forgets the replica: the next refresh is a full sync. */
  async reset(): Promise<void> {
    await refreshes.run(this.key, () => this.#options.store.delete(this.key));
  }

  async #refresh(signal?: AbortSignal): Promise<RefreshResult> {
    const before = (await this.read()) ?? emptyReplica();
    const meter = meteredTransport(this.#options.connection.transport);
    const connection = { ...this.#options.connection, transport: meter.transport };
    const read = (syncToken: string) => syncRead(connection, { syncToken, resourceTypes: RESOURCE_TYPES, signal });

    let reason = before.syncToken === null ? 'first sync: no earlier state to compare with' : undefined;
    let response: SyncResponse;
    try {
      response = (await read(before.syncToken ?? FULL_SYNC_TOKEN)).response;
    } catch (error) {
      if (before.syncToken === null || !isInvalidSyncTokenError(error)) throw error;
      reason = `the API refused the sync token (${error.status} ${error.tag ?? 'no error tag'}): started over with a full sync`;
      response = (await read(FULL_SYNC_TOKEN)).response;
    }
    if (response.full_sync && !reason) reason = 'the API answered with a full sync (the token was too old to answer incrementally)';

    const after = response.full_sync ? replaced(before, response) : applied(before, response);
    after.syncToken = response.sync_token;
    after.syncedAt = this.#now().toISOString();
    await this.#options.store.set(this.key, after);

    // A delta can only change what it names; a full answer may have dropped anything.
    const candidates = response.full_sync ? undefined : namedIn(response);
    const changes = diff(before, after, viewClocks(this.#now(), after.timeZone ?? before.timeZone), candidates);
    return {
      kind: response.full_sync ? 'full' : 'incremental',
      ...(reason && { reason }),
      ...changes,
      requests: meter.requests,
      bytes: meter.bytes,
      ...(after.userId && { userId: after.userId }),
    };
  }
}

/** `tenant/workspace/replica-<where the data comes from>`: one replica per account a workspace reads. */
export function replicaKey(tenantKey: string, workspace: string, backend: AccountBackend): string {
  const source = backend.backend === 'mock' ? `mock-${backend.size}-${backend.seed}` : `real-${backend.upstream}`;
  return stateKey(tenantKey, workspace, `replica-${source}`);
}

function emptyReplica(): ReplicaState {
  return { syncToken: null, items: {}, projects: {} };
}

/** A full answer is the whole state: whatever it leaves out is gone. */
function replaced(before: ReplicaState, response: SyncResponse): ReplicaState {
  return applied({ ...emptyReplica(), userId: before.userId, timeZone: before.timeZone }, response);
}

/** A new replica with the answer's objects applied (the stored one is never changed in place). */
function applied(before: ReplicaState, response: SyncResponse): ReplicaState {
  const items = { ...before.items };
  for (const item of response.items ?? []) {
    if (isDeleted(item) || ('checked' in item && item.checked)) delete items[item.id];
    else items[item.id] = item as Task;
  }
  const projects = { ...before.projects };
  for (const project of response.projects ?? []) {
    if (isDeleted(project) || ('is_archived' in project && project.is_archived)) delete projects[project.id];
    else projects[project.id] = project as Project;
  }
  const user = readUser(response);
  return {
    syncToken: before.syncToken,
    userId: user.id ?? before.userId,
    timeZone: user.timeZone ?? before.timeZone,
    items,
    projects,
  };
}

/** The ids a delta names: nothing else can have changed (5,000 tasks need not be compared for one). */
function namedIn(response: SyncResponse): { items: string[]; projects: string[] } {
  return { items: (response.items ?? []).map((item) => item.id), projects: (response.projects ?? []).map((project) => project.id) };
}

/** What changed between two replicas (among `candidates` when given), and the URIs it touches. */
function diff(before: ReplicaState, after: ReplicaState, clocks: ViewClocks, candidates?: { items: string[]; projects: string[] }) {
  const changedItemIds = changedIds(before.items, after.items, candidates?.items);
  const changedProjectIds = changedIds(before.projects, after.projects, candidates?.projects);
  const uris = new Set<string>();
  for (const id of changedItemIds) {
    for (const uri of urisForTaskChange(before.items[id], after.items[id], clocks)) uris.add(uri);
  }
  if (changedProjectIds.length) uris.add(RESOURCE_URIS.projects);
  return { changedItemIds, changedProjectIds, changedUris: [...uris].sort() };
}

/** Ids added, removed, or whose object is not the same (field by field). */
function changedIds<T>(before: Record<string, T>, after: Record<string, T>, candidates?: string[]): string[] {
  const ids = new Set(candidates ?? [...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => !sameJson(before[id], after[id])).sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sync's `user`, read leniently: only its id and timezone matter here. */
function readUser(response: SyncResponse): { id?: string; timeZone?: string } {
  const user = response.user;
  return { id: user?.id, timeZone: user?.tz_info?.timezone };
}

/** Counts requests and response bytes (error answers too) on the way through. */
function meteredTransport(transport: Transport) {
  const meter = {
    requests: 0,
    bytes: 0,
    transport: async (request: Request): Promise<Response> => {
      meter.requests += 1;
      const response = await transport(request);
      meter.bytes += (await response.clone().arrayBuffer()).byteLength;
      return response;
    },
  };
  return meter;
}
