/**
 * The registry from Todoist user id to the tenants that read that account:
 * what a webhook delivery is mapped through.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import { MemoryStateStore } from '@/lib/state';
import {
  ACCOUNT_REGISTRATION_TTL_MS,
  MAX_TENANTS_PER_ACCOUNT,
  findAccounts,
  registerAccount,
  unregisterAccount,
  type AccountBackend,
} from '../accounts';

const backend: AccountBackend = { backend: 'real', upstream: 'standin', size: 'small', seed: 1 };
const alice: Tenant = { key: 'learner-alice', kind: 'learner', learnerId: 'alice-random.alice-signature' };
const bob: Tenant = { key: 'learner-bob', kind: 'learner' };

let clock: number;
let store: MemoryStateStore;

beforeEach(() => {
  clock = Date.parse('2026-10-01T12:00:00Z');
  store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0, now: () => clock });
});

describe('registerAccount / findAccounts', () => {
  it('maps an app’s user id to the tenant, workspace and backend that read it — without the learner id', async () => {
    expect(await registerAccount(store, 'standin', '2671355', { tenant: alice, workspace: 'default', backend }, () => new Date(clock))).toBe(true);
    const found = await findAccounts(store, 'standin', '2671355');
    expect(found).toEqual([
      { app: 'standin', todoistUserId: '2671355', tenant: { key: 'learner-alice', kind: 'learner' }, workspace: 'default', backend, registeredAt: '2026-10-01T12:00:00.000Z' },
    ]);
    expect(JSON.stringify(found)).not.toContain('alice-signature');
  });

  it('keeps apps apart: the same user id at Todoist is another account', async () => {
    await registerAccount(store, 'standin', '2671355', { tenant: alice, workspace: 'default', backend });
    expect(await findAccounts(store, 'todoist', '2671355')).toEqual([]);
  });

  it('lists every tenant and workspace that reads one account; registering again replaces, not repeats', async () => {
    await registerAccount(store, 'standin', '42', { tenant: alice, workspace: 'default', backend });
    await registerAccount(store, 'standin', '42', { tenant: bob, workspace: 'default', backend });
    await registerAccount(store, 'standin', '42', { tenant: alice, workspace: 'default', backend: { ...backend, seed: 2 } });
    const found = await findAccounts(store, 'standin', '42');
    expect(found.map((account) => [account.tenant.key, account.backend.seed])).toEqual([['learner-bob', 1], ['learner-alice', 2]]);
  });

  it('loses no registration when several arrive at once', async () => {
    const tenants = Array.from({ length: 5 }, (_, index): Tenant => ({ key: `learner-${index}`, kind: 'learner' }));
    await Promise.all(tenants.map((tenant) => registerAccount(store, 'standin', '42', { tenant, workspace: 'default', backend })));
    expect((await findAccounts(store, 'standin', '42')).map((account) => account.tenant.key).sort()).toEqual(tenants.map((t) => t.key));
  });

  it(`keeps at most ${MAX_TENANTS_PER_ACCOUNT} per account, dropping the oldest`, async () => {
    for (let index = 0; index < MAX_TENANTS_PER_ACCOUNT + 2; index += 1) {
      await registerAccount(store, 'standin', '42', { tenant: { key: `learner-${index}`, kind: 'learner' }, workspace: 'default', backend });
    }
    const keys = (await findAccounts(store, 'standin', '42')).map((account) => account.tenant.key);
    expect(keys).toHaveLength(MAX_TENANTS_PER_ACCOUNT);
    expect(keys[0]).toBe('learner-2');
  });

  it('does not register anonymous callers, whose workspaces are never stored', async () => {
    const anonymous: Tenant = { key: 'anon-1', kind: 'anonymous' };
    expect(await registerAccount(store, 'standin', '42', { tenant: anonymous, workspace: 'default', backend })).toBe(false);
    expect(await findAccounts(store, 'standin', '42')).toEqual([]);
  });

  it('refuses a user id that is not a Todoist id, and finds nothing for one', async () => {
    await expect(registerAccount(store, 'standin', 'a/b', { tenant: alice, workspace: 'default', backend })).rejects.toThrow(/not a Todoist id \(3 characters\)/);
    expect(await findAccounts(store, 'standin', '../x')).toEqual([]);
    expect(await findAccounts(store, 'standin', '')).toEqual([]);
  });

  it('forgets an account a day after its last registration, however often it is read', async () => {
    await registerAccount(store, 'standin', '42', { tenant: alice, workspace: 'default', backend });
    clock += ACCOUNT_REGISTRATION_TTL_MS - 1;
    expect(await findAccounts(store, 'standin', '42')).toHaveLength(1);
    clock += 1;
    expect(await findAccounts(store, 'standin', '42')).toEqual([]);
  });
});

describe('unregisterAccount', () => {
  it('forgets one tenant’s workspace and keeps the others; the last one removes the entry', async () => {
    await registerAccount(store, 'standin', '42', { tenant: alice, workspace: 'default', backend });
    await registerAccount(store, 'standin', '42', { tenant: bob, workspace: 'default', backend });
    await unregisterAccount(store, 'standin', '42', { tenantKey: 'learner-alice', workspace: 'default' });
    expect((await findAccounts(store, 'standin', '42')).map((account) => account.tenant.key)).toEqual(['learner-bob']);
    await unregisterAccount(store, 'standin', '42', { tenantKey: 'learner-bob', workspace: 'default' });
    expect(store.size).toBe(0);
    await expect(unregisterAccount(store, 'standin', 'no/such', { tenantKey: 'x', workspace: 'y' })).resolves.toBeUndefined();
  });
});
