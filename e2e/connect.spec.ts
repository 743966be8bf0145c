/**
 * /connect in a real browser: the snippets carry this checkout's absolute
 * path, the page's own host and the visitor's own learner id; each client has
 * a mock line and a real one; Copy puts exactly the snippet on the clipboard.
 */
import path from 'node:path';
import { expect, test } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { grantClipboard, readClipboard } from './support/clipboard';
import { collectPageErrors } from './support/page-errors';

// `next start` runs in this checkout, as do the tests.
const BIN = path.join(process.cwd(), 'bin', 'mcp-dojo.mjs');
const INSPECTOR = 'npx -y -p node@22 -p @modelcontextprotocol/inspector@2 mcp-inspector';

const SNIPPETS = [
  { id: 'claude-desktop-mock', label: 'claude_desktop_config.json — mock' },
  { id: 'claude-desktop', label: 'claude_desktop_config.json — real' },
  { id: 'claude-code-http-mock', label: 'Streamable HTTP — mock' },
  { id: 'claude-code-http', label: 'Streamable HTTP — real' },
  { id: 'claude-code-stdio-mock', label: 'stdio — mock' },
  { id: 'claude-code-stdio', label: 'stdio — real' },
  { id: 'inspector-mock', label: 'MCP Inspector CLI — mock' },
  { id: 'inspector', label: 'MCP Inspector CLI — real' },
  { id: 'inspector-web', label: 'MCP Inspector web UI' },
  { id: 'claude-code-sign-in', label: 'Claude Code — sign in' },
  { id: 'inspector-sign-in', label: 'MCP Inspector CLI — sign in' },
] as const;

const snippet = (page: import('@playwright/test').Page, id: string) => page.getByTestId(`snippet-${id}`).locator('pre');

test('the snippets name this checkout, this host and this visitor', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/connect');
  await expect(page.getByTestId('learner-id')).toBeVisible();
  // Asked after the page got its id (and its cookie): the same browser context answers with the same id.
  const { learner } = (await (await page.request.get('/api/learner')).json()) as { learner: string };
  const endpoint = (backend: string) => `http://${new URL(page.url()).host}/api/mcp?learner=${learner}&backend=${backend}`;
  await expect(page.getByTestId('learner-id')).toContainText(learner);

  // Claude Desktop: the config, with the absolute path to the stdio binary; a token only for real.
  for (const [id, backend] of [['claude-desktop-mock', 'mock'], ['claude-desktop', 'real']] as const) {
    const config = JSON.parse((await snippet(page, id).textContent()) ?? '') as {
      mcpServers: { 'mcp-dojo': { command: string; args: string[]; env?: Record<string, string> } };
    };
    expect(path.isAbsolute(config.mcpServers['mcp-dojo'].command)).toBe(true);
    expect(config.mcpServers['mcp-dojo'].args).toEqual([BIN, '--backend', backend]);
    expect(config.mcpServers['mcp-dojo'].env === undefined).toBe(backend === 'mock');
  }

  // Claude Code over HTTP, and the Inspector: the endpoint on the page's own host, with the learner id.
  await expect(snippet(page, 'claude-code-http-mock')).toHaveText(`claude mcp add --transport http mcp-dojo "${endpoint('mock')}"`);
  await expect(snippet(page, 'claude-code-http')).toHaveText(`claude mcp add --transport http mcp-dojo "${endpoint('real')}"`);
  await expect(snippet(page, 'inspector-mock')).toHaveText(`${INSPECTOR} --cli "${endpoint('mock')}" --transport http --method tools/list`);
  await expect(snippet(page, 'inspector')).toContainText(`"${endpoint('real')}"`);
  await expect(snippet(page, 'claude-code-stdio-mock')).toContainText(`${BIN} --backend mock`);
  await expect(snippet(page, 'claude-code-stdio')).toContainText('--env TODOIST_API_TOKEN=');
  expect(errors).toEqual([]);
});

test('the mock HTTP line works with no token: its URL answers tools/call as this visitor', async ({ page }) => {
  await page.goto('/connect');
  await expect(page.getByTestId('learner-id')).toBeVisible();
  const line = (await snippet(page, 'claude-code-http-mock').textContent()) ?? '';
  const url = /"([^"]+)"/.exec(line)?.[1];
  expect(url).toBeDefined();
  // What Claude Code would send first as a 2025-11-25 client, from outside the browser (no cookie, no Origin).
  const response = await fetch(url!, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'MCP-Protocol-Version': '2025-11-25' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_projects', arguments: {} } }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(text).toContain('Source: MOCK DATA');
});

test('the sign-in lines: the OAuth-protected endpoint with no learner id, the mode, the consent page and each step’s URL', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/connect');
  const origin = new URL(page.url()).origin;
  const protectedEndpoint = `${origin}/api/mcp?backend=real&upstream=todoist`;

  await expect(page.getByRole('heading', { level: 2, name: 'Your own Todoist, signed in (OAuth)' })).toBeVisible();
  await expect(snippet(page, 'claude-code-sign-in')).toHaveText(`claude mcp add --transport http mcp-dojo "${protectedEndpoint}"`);
  await expect(snippet(page, 'inspector-sign-in')).toHaveText(`${INSPECTOR} --cli "${protectedEndpoint}" --transport http --method tools/list`);
  // The e2e server runs as a newcomer's: single-user mode, no Todoist app configured.
  await expect(page.getByTestId('sign-in-mode')).toContainText('single-user mode');
  await expect(page.getByTestId('sign-in-mode')).toContainText('DOJO_SERVER_WIDE_TOKEN=off npm run dev');
  await expect(page.getByTestId('sign-in-upstream')).toContainText('built-in stand-in, with sample users');

  const steps = page.getByTestId('sign-in-steps').getByRole('listitem');
  await expect(steps).toHaveCount(6);
  const urls = [
    protectedEndpoint,
    `${origin}/.well-known/oauth-protected-resource/api/mcp`,
    `${origin}/oauth/authorize`,
    `${origin}/standin/oauth/authorize`,
    `${origin}/oauth/callback`,
    `${origin}/oauth/token`,
  ];
  for (const [index, url] of urls.entries()) await expect(steps.nth(index).locator('code').first()).toHaveText(url);
  await expect(steps.nth(0)).toContainText(`resource_metadata="${origin}/.well-known/oauth-protected-resource/api/mcp"`);
  expect(errors).toEqual([]);
});

test('the first step is what the server does: a token it did not issue → 401 naming the resource metadata', async ({ page }) => {
  await page.goto('/connect');
  const origin = new URL(page.url()).origin;
  const response = await fetch(`${origin}/api/mcp?backend=real&upstream=todoist`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'MCP-Protocol-Version': '2025-11-25',
      Authorization: 'Bearer not-a-token-this-server-issued',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
  });
  expect(response.status).toBe(401);
  const challenge = response.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Bearer /);
  expect(challenge).toMatch(/resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource\/api\/mcp"/);
  expect(challenge).toContain('scope="tasks:read tasks:write"');
});

test('the 401 names the resource metadata on the host the client called (as /connect does)', async ({ page }) => {
  // `next start -H 127.0.0.1` reports requests as http://localhost:3100; the metadata must name the host the client called.
  await page.goto('/connect');
  const origin = new URL(page.url()).origin;
  const response = await fetch(`${origin}/api/mcp?backend=real&upstream=todoist`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: 'Bearer not-ours' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
  });
  expect(response.headers.get('www-authenticate')).toContain(`resource_metadata="${origin}/.well-known/oauth-protected-resource/api/mcp"`);
});

test('Copy says "Copied ✓" and the clipboard holds exactly the snippet', async ({ page, context }) => {
  await grantClipboard(context);
  const errors = collectPageErrors(page);
  await page.goto('/connect');
  await expect(page.getByTestId('learner-id')).toBeVisible();
  for (const { id, label } of SNIPPETS) {
    const block = page.getByTestId(`snippet-${id}`);
    await block.getByRole('button', { name: `Copy ${label}`, exact: true }).click();
    await expect(block.getByText('Copied ✓')).toBeVisible();
    const copied = await readClipboard(page);
    expect(copied).toBe(await block.locator('pre').textContent());
  }
  expect(errors).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`/connect has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/connect');
    await expectNoAxeViolations(page);
  });
}
