/**
 * POST /api/mcp/scenario and /api/mcp/reset: a capped body, checked by zod,
 * every refusal a sentence that names what was wrong.
 */
import { describe, expect, it } from 'vitest';
import { countedBody } from '@/lib/http/__tests__/body-stream';
import { issueLearnerId } from '@/lib/identity/learner';
import { MemoryStateStore } from '@/lib/state';
import { handleWorkspaceAction, MAX_SCENARIO_BODY_BYTES } from '../workspace-endpoint';

const secret = Buffer.from('workspace-endpoint-test-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });
const policy = { origins: [], hosts: [] };
const SITE = 'http://127.0.0.1:3000';
const headers = (extra: Record<string, string> = {}) => ({
  host: '127.0.0.1:3000',
  origin: SITE,
  'content-type': 'application/json',
  cookie: `dojo-learner=${issueLearnerId(secret)}`,
  ...extra,
});

const scenario = (init: RequestInit) =>
  handleWorkspaceAction('scenario', new Request(`${SITE}/api/mcp/scenario?workspace=faults`, { method: 'POST', headers: headers(), ...init }), store, policy, secret);

describe('POST /api/mcp/scenario', () => {
  it('switches the scenario', async () => {
    const response = await scenario({ body: JSON.stringify({ name: 'down' }) });
    expect(response.status).toBe(200);
    expect((await response.json()).scenario.name).toBe('down');
  });

  it('a 16 MiB body → 413 naming the limit, after reading little more than the limit', async () => {
    const huge = countedBody(16 * 1024 * 1024);
    const response = await scenario(huge.init);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toContain(`at most ${MAX_SCENARIO_BODY_BYTES.toLocaleString('en-US')} bytes`);
    expect(huge.bytesRead()).toBeLessThan(MAX_SCENARIO_BODY_BYTES + 64 * 1024);
  });

  it.each([
    ['not JSON', '{"name": down}', 'The request body is not valid JSON'],
    ['not an object', '"down"', 'Invalid scenario: must be an object such as {"name":"slow"}'],
    ['an unknown scenario', '{"name": "sideways"}', 'Invalid scenario: name'],
    ['an option out of bounds', '{"name": "slow", "slow": {"delayMs": 2147483658}}', 'Invalid scenario: slow.delayMs'],
  ])('%s → 400 naming the field', async (_case, body, message) => {
    const response = await scenario({ body });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toContain(message);
    expect(error).not.toMatch(/"code":|ZodError|\n\s+at /);
  });

  it('from a page on another local port → 403', async () => {
    const response = await scenario({ headers: headers({ origin: 'http://127.0.0.1:5173' }), body: JSON.stringify({ name: 'down' }) });
    expect(response.status).toBe(403);
  });
});

describe('a workspace answers only its owner', () => {
  const switchAs = (cookie: string, name: string) =>
    handleWorkspaceAction(
      'scenario',
      new Request(`${SITE}/api/mcp/scenario?workspace=shared-name`, { method: 'POST', headers: headers({ cookie }), body: JSON.stringify({ name }) }),
      store,
      policy,
      secret,
    );

  it('two learners with the same workspace name each switch their own: the name is not an identity', async () => {
    const alice = `dojo-learner=${issueLearnerId(secret)}`;
    const bob = `dojo-learner=${issueLearnerId(secret)}`;
    expect((await (await switchAs(alice, 'down')).json()).scenario.name).toBe('down');
    expect((await (await switchAs(bob, 'slow')).json()).scenario.name).toBe('slow');
    // Alice's workspace kept her scenario: a reset of it shows what it holds (reset keeps the scenario, drops writes).
    const reset = await handleWorkspaceAction(
      'reset',
      new Request(`${SITE}/api/mcp/reset?workspace=shared-name`, { method: 'POST', headers: headers({ cookie: alice }) }),
      store,
      policy,
      secret,
    );
    expect((await reset.json()).scenario.name).toBe('down');
  });

  it('a learner id not signed by this server is no owner: 401, and nothing changes', async () => {
    const [id] = issueLearnerId(secret).split('.');
    const forged = await switchAs(`dojo-learner=${id}.forged-signature`, 'down');
    expect(forged.status).toBe(401);
  });
});
