import { describe, expect, it } from 'vitest';
import { DRILL_CASES, runDrill } from '../drill';
import { handleDrillRequest } from '../drill-endpoint';

const secret = Buffer.from('drill-test-secret');

describe('the receiver drill: the same faulty deliveries to the naive and the production receiver', () => {
  it('forged: the naive receiver believes an completion signed with the wrong key; production refuses it (401) and the task stays open', async () => {
    const outcome = await runDrill('forged', secret);
    // Refused, the sender retries as Todoist would (three times): every copy is refused again.
    expect(outcome.naive.answers).toEqual([200, 200, 200, 200]);
    expect(outcome.production.answers).toEqual([401, 401, 401, 401]);
    expect(outcome.truth).toMatch(/is open$/);
    expect(outcome).toMatchObject({ naiveRight: false, productionRight: true, naive: { believes: 'it is done' } });
  });

  it('duplicate: the naive receiver lists the task twice; production dedupes on the delivery id', async () => {
    const outcome = await runDrill('duplicate', secret);
    expect(outcome.deliveries).toBe(2);
    expect(outcome.production.answers).toEqual([200, 200]);
    expect(outcome).toMatchObject({ naive: { believes: '"Call the plumber" appears 2 times' }, production: { believes: '"Call the plumber" appears once' } });
    expect(outcome).toMatchObject({ naiveRight: false, productionRight: true });
  });

  it('out of order: the naive receiver ends on the older name; production re-reads and has the newest', async () => {
    const outcome = await runDrill('out-of-order', secret);
    expect(outcome.truth).toBe('the task is called "Send the report"');
    expect(outcome.naive.believes).toBe('the task is called "Draft the report"');
    expect(outcome).toMatchObject({ naiveRight: false, productionRight: true });
  });

  it('lost: the naive receiver never hears of the completion; production’s next sync brings it', async () => {
    const outcome = await runDrill('lost', secret);
    expect(outcome.deliveries).toBe(1);
    expect(outcome.truth).toBe('it is done');
    expect(outcome.naive.believes).toMatch(/is open$/);
    expect(outcome).toMatchObject({ naiveRight: false, productionRight: true });
  });

  it('covers every case the lesson offers', () => {
    expect(DRILL_CASES).toEqual(['forged', 'duplicate', 'out-of-order', 'lost']);
  });
});

describe('POST /api/realtime/drill', () => {
  const post = (body: string, origin = 'http://localhost') =>
    handleDrillRequest(
      new Request('http://localhost/api/realtime/drill', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body }),
      secret,
      { origins: [], hosts: [] },
    );

  it('runs the case it is asked for', async () => {
    const response = await post('{"case":"lost"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ case: 'lost', productionRight: true });
  });

  it('refuses another site, and a case it does not have', async () => {
    expect((await post('{"case":"lost"}', 'https://evil.example')).status).toBe(403);
    const unknown = await post('{"case":"meteor"}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'case must be one of: forged, duplicate, out-of-order, lost.' });
  });
});
