import { describe, expect, it } from 'vitest';
import type { KeyReport } from '@/lib/config';
import { overridingEntry, savedOnThisPage } from '../sources';

const SAVED = { source: 'platform-settings', origin: '/app/.dojo/settings.json', display: '••••••••wxyz' } as const;

describe('where the value saved on this page stands', () => {
  it('in effect: it is the winner, and nothing overrides it', () => {
    const key: KeyReport = { key: 'todoistApiToken', ...SAVED, shadowed: [] };
    expect(savedOnThisPage(key)).toEqual(SAVED);
    expect(overridingEntry(key)).toBeUndefined();
  });

  it('shadowed by the environment: found among the shadowed, and the environment overrides it', () => {
    const key: KeyReport = {
      key: 'todoistApiToken',
      source: 'environment',
      origin: 'TODOIST_API_TOKEN',
      display: '••••••••',
      shadowed: [SAVED],
    };
    expect(savedOnThisPage(key)).toEqual(SAVED);
    expect(overridingEntry(key)).toEqual({ source: 'environment', origin: 'TODOIST_API_TOKEN', display: '••••••••' });
  });

  it('nothing saved, default in effect: no saved value, and the default does not count as overriding', () => {
    const key: KeyReport = {
      key: 'todoistApiBaseUrl',
      source: 'default',
      origin: 'built-in default',
      display: 'https://api.todoist.com/api/v1',
      shadowed: [],
    };
    expect(savedOnThisPage(key)).toBeUndefined();
    expect(overridingEntry(key)).toBeUndefined();
  });
});
