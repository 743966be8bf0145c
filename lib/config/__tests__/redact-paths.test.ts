import { describe, expect, it } from 'vitest';
import { redactPathsInText, redactServerPaths } from '../redact-paths';

const places = { cwd: '/home/ada/mcp-dojo', homeDir: '/home/ada' };

describe('redactPathsInText', () => {
  it('makes paths relative to the project, then the home directory', () => {
    expect(redactPathsInText('saved in /home/ada/mcp-dojo/.dojo/settings.json', places)).toBe('saved in ./.dojo/settings.json');
    expect(redactPathsInText('/home/ada/.config/mcp-dojo/config.json (not found)', places)).toBe('~/.config/mcp-dojo/config.json (not found)');
  });

  it('shows any other absolute path by its file name, keeping the sentence’s full stop', () => {
    expect(redactPathsInText('DOJO_CONFIG points to /etc/dojo/dojo.json. Create it.', places)).toBe('DOJO_CONFIG points to …/dojo.json. Create it.');
    expect(redactPathsInText('"/srv/x/settings.json", /var/a.json', places)).toBe('"…/settings.json", …/a.json');
  });

  it('leaves URLs, variable names and masked values alone', () => {
    for (const text of ['https://api.todoist.com/api/v1', 'http://127.0.0.1:4010/api/v1', 'http://[::1]:4010/x', 'TODOIST_API_TOKEN', '••••••••3f9a']) {
      expect(redactPathsInText(text, places)).toBe(text);
    }
  });

  it('reaches every string of a report, keys and numbers untouched', () => {
    expect(redactServerPaths({ a: ['/home/ada/x.json', 3, null], b: { c: '/opt/y.json' } }, places)).toEqual({ a: ['~/x.json', 3, null], b: { c: '…/y.json' } });
  });
});
