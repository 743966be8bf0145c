/**
 * The settings are written once (lib/mcp/setting-choices.ts) and used in three
 * places: the endpoint's URL parser, the lesson schema and the lesson panel.
 * These tests fail when a setting or a value is added to one of them and not
 * to the others, or when one of them stops taking its list from the source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { endpointSettings } from '@/lib/lessons/live-settings';
import { DemoSchema, PanelSettingsSchema, type Demo, type PanelSettings } from '@/lib/lessons/schema';
import { DATASET_SIZES } from '@/lib/mock/dataset-sizes';
import type { DojoClientSettings } from '../client/constants';
import { endpointUrl } from '../client/connect';
import { parseSessionSettings, SessionSettingsSchema } from '../http/session-settings';
import {
  ENDPOINT_SETTING_KEYS,
  isSettingValue,
  LESSON_SETTING_KEYS,
  SETTING_CHOICES,
  type ChoiceSetting,
  type SettingValue,
} from '../setting-choices';
import { STRATEGY_PRESETS } from '../strategies';

const sorted = (keys: Iterable<string>) => [...keys].sort();

/** A demo's settings with every key set: what a lesson may declare at most. */
const FULL_SETTINGS: PanelSettings = { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured', output: 'compact', read: 'pages' };

/** The endpoint as a browser reaches it: the panel's settings in the URL, through the client's own URL builder. */
function parsedByEndpoint(settings: DojoClientSettings) {
  return parseSessionSettings(endpointUrl('http://dojo.test/api/mcp', settings));
}

describe('one list of settings for the endpoint, the lesson schema and the panel', () => {
  it('the endpoint takes exactly the listed settings as query keys', () => {
    expect(sorted(Object.keys(SessionSettingsSchema.shape))).toEqual(sorted(ENDPOINT_SETTING_KEYS));
  });

  it('a lesson declares exactly the lesson settings, and each is a setting the endpoint takes', () => {
    expect(sorted(Object.keys(PanelSettingsSchema.shape))).toEqual(sorted(LESSON_SETTING_KEYS));
    for (const key of LESSON_SETTING_KEYS) expect(ENDPOINT_SETTING_KEYS).toContain(key);
  });

  it('the panel puts every lesson setting in the endpoint URL, and only settings the endpoint knows', () => {
    const sent = endpointSettings(FULL_SETTINGS, 'demo-1');
    for (const key of LESSON_SETTING_KEYS) expect(sent).toHaveProperty(key, FULL_SETTINGS[key]);
    for (const key of Object.keys(sent)) expect(ENDPOINT_SETTING_KEYS).toContain(key);
    expect(parsedByEndpoint(sent)).toHaveProperty('settings');
  });

  it('the panel leaves out a setting the demo did not declare, so the endpoint applies its default', () => {
    const { output: _left, ...withoutOutput } = FULL_SETTINGS;
    expect(endpointSettings(withoutOutput, 'demo-1')).not.toHaveProperty('output');
  });

  // Each value through every place it travels: the schema, the panel, the URL, the endpoint's parser.
  for (const key of LESSON_SETTING_KEYS) {
    it(`every ${key} value is accepted by the lesson schema, sent by the panel and accepted by the endpoint`, () => {
      for (const value of SETTING_CHOICES[key]) {
        const settings = { ...FULL_SETTINGS, [key]: value };
        expect(PanelSettingsSchema.safeParse(settings).success, `${key}=${value} in the lesson schema`).toBe(true);
        const parsed = parsedByEndpoint(endpointSettings(settings, 'demo-1'));
        expect(parsed, `${key}=${value} at the endpoint`).toEqual({ settings: expect.objectContaining({ [key]: value }) });
      }
    });
  }

  for (const key of Object.keys(SETTING_CHOICES) as ChoiceSetting[]) {
    it(`the endpoint accepts every ${key} value and refuses any other`, () => {
      for (const value of SETTING_CHOICES[key]) {
        expect(parseSessionSettings(new URL(`http://dojo.test/api/mcp?${key}=${value}`))).toEqual({
          settings: expect.objectContaining({ [key]: value }),
        });
      }
      expect(parseSessionSettings(new URL(`http://dojo.test/api/mcp?${key}=not-a-${key}`))).toHaveProperty('error');
      expect(isSettingValue(key, `not-a-${key}`)).toBe(false);
    });
  }

  it("a demo's offers accept every value of the setting they offer", () => {
    const offers: Demo['offers'] = {
      backends: [...SETTING_CHOICES.backend],
      strategies: [...SETTING_CHOICES.strategy],
      scenarios: [...SETTING_CHOICES.scenario],
      sizes: [...SETTING_CHOICES.size],
      tokens: [...SETTING_CHOICES.token],
    };
    const demo = { id: 'all', title: 'All', description: 'Every value offered.', tool: 'list_tasks', defaults: FULL_SETTINGS, offers };
    expect(DemoSchema.safeParse(demo).error?.issues).toBeUndefined();
  });

  it('every size has a task count and every strategy a preset, and nothing else does', () => {
    expect(sorted(Object.keys(DATASET_SIZES))).toEqual(sorted(SETTING_CHOICES.size));
    expect(sorted(Object.keys(STRATEGY_PRESETS))).toEqual(sorted(SETTING_CHOICES.strategy));
  });

  it('the types agree too: the client, the schema and the endpoint see the same values', () => {
    expectTypeOf<DojoClientSettings['backend']>().toEqualTypeOf<SettingValue<'backend'>>();
    expectTypeOf<NonNullable<DojoClientSettings['upstream']>>().toEqualTypeOf<SettingValue<'upstream'>>();
    expectTypeOf<NonNullable<DojoClientSettings['tenancy']>>().toEqualTypeOf<SettingValue<'tenancy'>>();
    expectTypeOf<PanelSettings['scenario']>().toEqualTypeOf<SettingValue<'scenario'>>();
    expectTypeOf<NonNullable<PanelSettings['output']>>().toEqualTypeOf<SettingValue<'output'>>();
    expectTypeOf<NonNullable<PanelSettings['read']>>().toEqualTypeOf<SettingValue<'read'>>();
  });
});

describe('the settings source stays light enough for the browser', () => {
  const ROOT = join(__dirname, '../../..');

  /** Every module `file` imports at run time (type-only imports are erased), followed through the app's own modules. */
  function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)';/gm)) {
      if (!specifier || seen.has(specifier)) continue;
      seen.add(specifier);
      const local = specifier.startsWith('@/') ? `${specifier.slice(2)}.ts` : specifier.startsWith('.') ? join(file, '..', `${specifier}.ts`) : undefined;
      if (local) runtimeImports(local, seen);
    }
    return seen;
  }

  it('imports no library (no zod): lesson pages import it to draw their toggles', () => {
    const imports = [...runtimeImports('lib/mcp/setting-choices.ts')];
    expect(imports.filter((specifier) => !specifier.startsWith('@/') && !specifier.startsWith('.'))).toEqual([]);
  });
});
