/**
 * The presets and the request's overrides of them: what the endpoint turns
 * `strategy`, `output` and `read` into.
 */
import { describe, expect, it } from 'vitest';
import { parseSessionSettings } from '../http/session-settings';
import { NAIVE_STRATEGIES, PRODUCTION_STRATEGIES, StrategiesSchema, strategiesFor } from '../strategies';

function settingsOf(query: string) {
  const parsed = parseSessionSettings(new URL(`http://dojo.test/api/mcp?${query}`));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.settings;
}

describe('strategiesFor', () => {
  it('is the preset itself when nothing overrides it', () => {
    expect(strategiesFor({ strategy: 'production' })).toEqual(PRODUCTION_STRATEGIES);
    expect(strategiesFor({ strategy: 'naive' })).toEqual(NAIVE_STRATEGIES);
    for (const preset of [PRODUCTION_STRATEGIES, NAIVE_STRATEGIES]) expect(StrategiesSchema.parse(preset)).toEqual(preset);
  });

  it('read overrides the full read alone, and output the output alone', () => {
    expect(strategiesFor({ strategy: 'production', read: 'sync' })).toEqual({ ...PRODUCTION_STRATEGIES, fullRead: 'sync' });
    expect(strategiesFor({ strategy: 'production', read: 'pages' })).toEqual({ ...PRODUCTION_STRATEGIES, fullRead: 'pages' });
    expect(strategiesFor({ strategy: 'naive', output: 'compact', read: 'sync' })).toEqual({ ...NAIVE_STRATEGIES, output: 'compact', fullRead: 'sync' });
  });

  it('takes the endpoint URL’s settings as they are parsed', () => {
    expect(strategiesFor(settingsOf('strategy=production&read=pages')).fullRead).toBe('pages');
    expect(strategiesFor(settingsOf('read=sync')).fullRead).toBe('sync');
    expect(strategiesFor(settingsOf('strategy=naive'))).toEqual(NAIVE_STRATEGIES);
  });

  it('refuses a read the endpoint does not know, naming the setting', () => {
    expect(parseSessionSettings(new URL('http://dojo.test/api/mcp?read=both'))).toEqual({
      error: expect.stringContaining('Invalid setting "read"'),
    });
  });
});
