/**
 * The mode notice of /settings, rendered to HTML as the server would: the
 * words a person reads in each mode. (The e2e run covers the default,
 * single-user server; multi-user is checked here.)
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { describeServerMode } from '@/lib/config/server-mode';
import { ServerModeNotice } from '../server-mode-notice';

/** The text content, tags dropped and entities decoded, as a screen reader would get it. */
function textOf(serverMode: ReturnType<typeof describeServerMode>): string {
  const html = renderToStaticMarkup(createElement(ServerModeNotice, { serverMode }));
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

const FROM_ENV = { source: 'environment', origin: 'TODOIST_API_TOKEN' } as const;
const NOTHING = { source: undefined, origin: undefined };

describe('the server mode notice', () => {
  it('single-user with an env token: whose token, that signed-in callers use their own, and the shared-deployment warning with the switch', () => {
    const text = textOf(describeServerMode('single-user', FROM_ENV));
    expect(text).toContain('Single-user mode: a saved token is used for every caller without a sign-in');
    expect(text).toContain('would use: the server-wide token from the environment variable TODOIST_API_TOKEN.');
    expect(text).toContain('Signed-in callers (OAuth');
    expect(text).toContain('always use their own Todoist token');
    expect(text).toContain('On a shared deployment, this means everyone reads and writes that one Todoist account.');
    expect(text).toContain('DOJO_SERVER_WIDE_TOKEN=off');
  });

  it('single-user with no token: none', () => {
    expect(textOf(describeServerMode('single-user', NOTHING))).toContain('would use: none: no server-wide token is configured');
  });

  it('multi-user: says so plainly, no shared-deployment warning, and how to sign in instead', () => {
    const text = textOf(describeServerMode('multi-user', NOTHING));
    expect(text).toContain('Multi-user mode: each person signs in with their own Todoist account; no shared token is used');
    expect(text).toContain('would use: none: no shared token is used');
    expect(text).toContain('this page does not save a token');
    expect(text).toContain('sign in through your MCP client');
    expect(text).not.toContain('On a shared deployment');
    expect(text).not.toContain('still configured');
  });

  it('multi-user with a token still configured: says it is ignored', () => {
    expect(textOf(describeServerMode('multi-user', FROM_ENV))).toContain('A server-wide token is still configured');
  });
});
