/**
 * /connect in a real browser: the snippets carry this checkout's absolute
 * path and the page's own host, and Copy puts exactly the snippet on the clipboard.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { grantClipboard, readClipboard } from './support/clipboard';
import { collectPageErrors } from './support/page-errors';

// `next start` runs in this checkout, as do the tests.
const BIN = path.join(process.cwd(), 'bin', 'mcp-dojo.mjs');

const SNIPPETS = [
  { id: 'claude-desktop', label: 'claude_desktop_config.json' },
  { id: 'claude-code-http', label: 'Streamable HTTP' },
  { id: 'claude-code-stdio', label: 'stdio' },
  { id: 'inspector', label: 'MCP Inspector' },
] as const;

test('the snippets name this checkout and this host', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/connect');
  const endpoint = `http://${new URL(page.url()).host}/api/mcp?backend=real`;

  // Claude Desktop: the config, with the absolute path to the stdio binary.
  const desktop = JSON.parse((await page.getByTestId('snippet-claude-desktop').locator('pre').textContent()) ?? '') as {
    mcpServers: { 'mcp-dojo': { command: string; args: string[] } };
  };
  expect(path.isAbsolute(desktop.mcpServers['mcp-dojo'].command)).toBe(true);
  expect(desktop.mcpServers['mcp-dojo'].args).toEqual([BIN, '--backend', 'real']);

  // Claude Code over HTTP, and the Inspector: the endpoint on the page's own host.
  await expect(page.getByTestId('snippet-claude-code-http').locator('pre')).toHaveText(`claude mcp add --transport http mcp-dojo "${endpoint}"`);
  await expect(page.getByTestId('snippet-inspector').locator('pre')).toContainText(`"${endpoint}" --transport http --method tools/list`);
  await expect(page.getByTestId('snippet-claude-code-stdio').locator('pre')).toContainText(BIN);
  expect(errors).toEqual([]);
});

test('Copy says "Copied ✓" and the clipboard holds exactly the snippet', async ({ page, context }) => {
  await grantClipboard(context);
  const errors = collectPageErrors(page);
  await page.goto('/connect');
  for (const snippet of SNIPPETS) {
    const block = page.getByTestId(`snippet-${snippet.id}`);
    await block.getByRole('button', { name: `Copy ${snippet.label}`, exact: true }).click();
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
