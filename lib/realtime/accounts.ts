/**
 * Which of this server's tenants a Todoist account belongs to: the registry a
 * webhook receiver needs, since a delivery names only Todoist's `user_id`.
 *
 * The server writes an entry when it syncs an account for a tenant (so it
 * knows the user id, and has a replica to refresh), and the receiver reads
 * it. The key includes the app whose secret signed the delivery: a body
 * signed by the stand-in can only reach accounts read from the stand-in, never
 * a real Todoist account that happens to have the same user id.
 *
 * One Todoist account can be read by more than one tenant or workspace (a
 * learner's token used in two workspaces), so an entry lists them all; each
 * refreshes with its own credentials, so nobody sees another's data. The list
 * is short and bounded: the oldest registration makes room.
 *
 * Entries live for a day after the last registration (the server registers on
 * every sync), so a tenant who stopped using the app stops costing syncs.
 * Nothing secret is stored: no token, no learner id — only what is needed to
 * find the tenant's workspace again.
 */
import type { Tenant } from '@/lib/identity/learner';
import type { SessionSettings } from '@/lib/mcp/http/session-settings';
import { stateKey, type StateStore } from '@/lib/state';
import { isTodoistId } from '@/lib/todoist/ids';
import { PerKeyQueue } from './per-key-queue';

/** Whose OAuth app signed a delivery: Todoist's (TODOIST_CLIENT_SECRET) or the built-in stand-in's. */
export type WebhookApp = 'standin' | 'todoist';

/** The settings that re-open the workspace the account was read through. */
export type AccountBackend = Pick<SessionSettings, 'backend' | 'upstream' | 'size' | 'seed'>;

/** A tenant as the registry keeps it: without `learnerId`, the signed id that works as a credential. */
export type RegisteredTenant = Omit<Tenant, 'learnerId'>;

export interface RegisteredAccount {
  app: WebhookApp;
  todoistUserId: string;
  tenant: RegisteredTenant;
  workspace: string;
  backend: AccountBackend;
  /** ISO 8601: the last time the server synced this account for this tenant. */
  registeredAt: string;
}

export interface AccountRegistration {
  tenant: Tenant;
  workspace: string;
  backend: AccountBackend;
}

export const ACCOUNT_REGISTRATION_TTL_MS = 24 * 60 * 60_000;
/** Tenants (or workspaces) one Todoist account can trigger at once. */
export const MAX_TENANTS_PER_ACCOUNT = 8;

interface RegistryEntry {
  accounts: RegisteredAccount[];
}

/** Read, change, write: one at a time per account in this process (see PerKeyQueue for several instances). */
const registrations = new PerKeyQueue();

/**
 * Records that `tenant` reads the Todoist account `todoistUserId` of `app`
 * through `workspace`. Anonymous tenants are not registered: their workspace
 * is never stored, so there is nothing to refresh. Returns whether it was.
 */
export async function registerAccount(
  store: StateStore,
  app: WebhookApp,
  todoistUserId: string,
  registration: AccountRegistration,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  if (registration.tenant.kind === 'anonymous') return false;
  const key = registryKey(app, todoistUserId);
  if (!key) throw new Error(`registerAccount: the Todoist user id is not a Todoist id (${todoistUserId.length} characters)`);
  const { learnerId: _learnerId, ...tenant } = registration.tenant;
  const account: RegisteredAccount = {
    app,
    todoistUserId,
    tenant,
    workspace: registration.workspace,
    backend: registration.backend,
    registeredAt: now().toISOString(),
  };
  await registrations.run(key, async () => {
    const entry = (await store.get<RegistryEntry>(key)) ?? { accounts: [] };
    const others = entry.accounts.filter((known) => !isSameWorkspace(known, account));
    const accounts = [...others, account].slice(-MAX_TENANTS_PER_ACCOUNT);
    await store.set<RegistryEntry>(key, { accounts }, { ttlMs: ACCOUNT_REGISTRATION_TTL_MS });
  });
  return true;
}

/** The tenants that read this Todoist account, newest last; none for an account this server never synced. */
export async function findAccounts(store: StateStore, app: WebhookApp, todoistUserId: string): Promise<RegisteredAccount[]> {
  const key = registryKey(app, todoistUserId);
  if (!key) return [];
  return (await store.get<RegistryEntry>(key))?.accounts ?? [];
}

/** Forgets one tenant's workspace for this account (the tenant signed out or the workspace was reset). */
export async function unregisterAccount(
  store: StateStore,
  app: WebhookApp,
  todoistUserId: string,
  which: { tenantKey: string; workspace: string },
): Promise<void> {
  const key = registryKey(app, todoistUserId);
  if (!key) return;
  await registrations.run(key, async () => {
    const entry = await store.get<RegistryEntry>(key);
    if (!entry) return;
    const accounts = entry.accounts.filter((known) => known.tenant.key !== which.tenantKey || known.workspace !== which.workspace);
    if (accounts.length) await store.set<RegistryEntry>(key, { accounts }, { ttlMs: ACCOUNT_REGISTRATION_TTL_MS });
    else await store.delete(key);
  });
}

/**
 * The registry is not any one tenant's state, so its key's "tenant" part names
 * the registry itself; the user id is checked to be a Todoist id, so it can
 * never reshape the key.
 */
function registryKey(app: WebhookApp, todoistUserId: string): string | undefined {
  if (!isTodoistId(todoistUserId)) return undefined;
  return stateKey('webhook-accounts', app, `user-${todoistUserId}`);
}

function isSameWorkspace(a: RegisteredAccount, b: RegisteredAccount): boolean {
  return a.tenant.key === b.tenant.key && a.workspace === b.workspace;
}
