import { describe, expect, it } from 'vitest';
import { ScenarioSettingsSchema } from '@/lib/mock/scenarios';
import { FAULTS, RECOVERED } from '../widgets/fault-scenarios';

describe('the faults of the fault-timeline widget', () => {
  it('are valid scenarios the endpoint accepts, with unique names and a line each', () => {
    for (const fault of FAULTS) {
      expect(ScenarioSettingsSchema.safeParse(fault.scenario).success, fault.id).toBe(true);
      expect(fault.simulates.length).toBeGreaterThan(20);
    }
    expect(new Set(FAULTS.map((fault) => fault.id)).size).toBe(FAULTS.length);
    expect(RECOVERED.scenario.name).toBe('faithful');
  });

  it('keep the live-demo knobs the lesson promises', () => {
    const byId = Object.fromEntries(FAULTS.map((fault) => [fault.id, ScenarioSettingsSchema.parse(fault.scenario)]));
    expect(byId['rate-limited']!.rateLimit).toEqual({ requests: 1, windowMs: 4_000, retryAfterSeconds: 2 });
    expect(byId.slow!.slow.delayMs).toBe(1_500);
    expect(byId.flaky!.flaky.failureRate).toBe(0.6);
    expect(byId['malformed: missing-field']!.malformed.variant).toBe('missing-field');
    expect(byId['malformed: invalid-json']!.malformed.variant).toBe('invalid-json');
  });
});
