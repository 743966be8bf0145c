/**
 * What must be used once, raced: the same code (or pending authorization)
 * presented by several callers at the same instant, half of them on one
 * "instance" (store) and half on another. Exactly one may win.
 *
 * Shared by the unit tests (a copying memory store) and the Redis tests
 * (two RedisStateStores on one server), so both prove the same thing.
 */
import { describe, expect, it } from 'vitest';
import type { StateStore } from '@/lib/state';
import { standinGrants } from '@/lib/mock/standin-oauth-grants';
import { createGrantStore, type CodeBinding } from '../grants';
import { parkAuthorization, takeAuthorization } from '../pending';

const RACERS = 8;

const binding: CodeBinding = {
  clientId: 'client-1',
  redirectUri: 'http://127.0.0.1:9/callback',
  codeChallenge: 'challenge',
  scopes: ['tasks:read'],
  resource: 'http://127.0.0.1:3000/mcp',
  tenant: { key: 'learner-race', kind: 'learner' },
};

/** Runs `attempt` RACERS times at once, alternating between the two instances. */
function race<R>(instances: [StateStore, StateStore], attempt: (store: StateStore) => Promise<R>): Promise<R[]> {
  return Promise.all(Array.from({ length: RACERS }, (_, i) => attempt(instances[i % 2 === 0 ? 0 : 1])));
}

export function describeOneTimeRaces(name: string, instances: () => [StateStore, StateStore]) {
  describe(`one-time values raced across two instances (${name})`, () => {
    it('an authorization code redeemed by two callers at once: exactly one gets tokens', async () => {
      const [a, b] = instances();
      const code = await createGrantStore(a, Date.now).issueCode(binding);
      const results = await race([a, b], (store) => createGrantStore(store, Date.now).redeemCode(code));
      expect(results.filter((result) => result.status === 'ok')).toHaveLength(1);
      // Once the winner has put the code back, a replay is recognised as one.
      expect((await createGrantStore(b, Date.now).redeemCode(code)).status).toBe('reused');
    });

    it('a refresh token used by two callers at once: exactly one rotation', async () => {
      const [a, b] = instances();
      const grants = createGrantStore(a, Date.now);
      const grant = await grants.createGrant({ clientId: binding.clientId, tenant: binding.tenant, scopes: binding.scopes, resource: binding.resource });
      const token = await grants.issueRefreshToken(grant.id);
      const results = await race([a, b], (store) => createGrantStore(store, Date.now).useRefreshToken(token));
      expect(results.filter((result) => result.status === 'ok')).toHaveLength(1);
    });

    it('a pending authorization taken by two callbacks at once: exactly one finds it', async () => {
      const [a, b] = instances();
      const state = await parkAuthorization(a, { ...binding, upstreamScope: 'data:read' });
      const results = await race([a, b], (store) => takeAuthorization(store, state));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("a stand-in code exchanged by two callers at once: exactly one token", async () => {
      const [a, b] = instances();
      const code = await standinGrants(a).issueCode({
        accountId: 'alice',
        sampleId: 'alice',
        scopes: ['data:read'],
        clientId: 'standin-app',
        redirectUri: 'http://localhost:3000/oauth/callback',
      });
      const results = await race([a, b], (store) => standinGrants(store).redeemCode(code, { clientId: 'standin-app' }));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
    });
  });
}
