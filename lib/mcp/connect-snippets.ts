/**
 * The lines a person pastes to connect an MCP client to this server, filled
 * with this machine's real paths and URL — shown on /connect and checked by
 * tests. Each client gets a mock variant (works with no token, no network)
 * and a real one (the token configured on the server; with none, the honest
 * missing-token error — outside clients never get sample data instead).
 *
 * The HTTP lines carry the visitor's learner id (`?learner=`): with it, Claude
 * Code and the Inspector reach the same workspaces as the visitor's browser.
 * The page fills it in; until then it is LEARNER_PLACEHOLDER.
 *
 * The sign-in lines are different: they point at the OAuth-protected endpoint
 * with no learner id, because there the caller is whoever signed in (the
 * steps are in connect-sign-in.ts).
 */
import path from 'node:path';
import { mcpResourceUrl } from '@/lib/http/public-origin';

export const LEARNER_PLACEHOLDER = '<your-learner-id>';

export type Variant = 'mock' | 'real';

export interface ConnectSnippets {
  /** The HTTP endpoint, per variant. */
  endpoint: Record<Variant, string>;
  /** claude_desktop_config.json: the stdio binary. */
  claudeDesktop: Record<Variant, string>;
  /** `claude mcp add` over HTTP, while this app runs. */
  claudeCodeHttp: Record<Variant, string>;
  /** `claude mcp add` over stdio. */
  claudeCodeStdio: Record<Variant, string>;
  /** The MCP Inspector 2.x CLI: list the tools (2025-11-25 by default; `--protocol-era modern` for 2026-07-28). */
  inspector: Record<Variant, string>;
  /** The Inspector's web UI, to click through. */
  inspectorWeb: string;
  /** The OAuth-protected endpoint: your own Todoist after signing in in the browser. */
  signIn: { endpoint: string; claudeCode: string; inspector: string };
}

export interface ConnectOptions {
  projectDir: string;
  /** Absolute: Claude Desktop does not start a login shell, so `node` may not be on its PATH. */
  nodePath: string;
  origin: string;
  /** The origin tokens are bound to (DOJO_PUBLIC_URL); default: `origin`. */
  publicOrigin?: string;
  learner?: string;
}

// Inspector 2.x needs Node ≥ 22.19; `-p node@22` brings one along on an older machine. The `@2` matters: npm on
// Node 20 skips versions whose engines it does not meet and would quietly install the old 0.x Inspector instead.
export const INSPECTOR = 'npx -y -p node@22 -p @modelcontextprotocol/inspector@2 mcp-inspector';
const TOKEN_PLACEHOLDER = 'paste-your-token-here';

export function connectSnippets(options: ConnectOptions): ConnectSnippets {
  const bin = path.join(options.projectDir, 'bin', 'mcp-dojo.mjs');
  const learner = options.learner ?? LEARNER_PLACEHOLDER;
  const endpoint = (variant: Variant) => `${options.origin}/api/mcp?learner=${learner}&backend=${variant}`;
  const both = <T>(make: (variant: Variant) => T): Record<Variant, T> => ({ mock: make('mock'), real: make('real') });
  const node = quote(options.nodePath);
  return {
    endpoint: both(endpoint),
    claudeDesktop: both((variant) =>
      JSON.stringify(
        {
          mcpServers: {
            'mcp-dojo': {
              command: options.nodePath,
              args: [bin, '--backend', variant],
              // The token goes in the server's environment — never in a tool argument.
              ...(variant === 'real' && { env: { TODOIST_API_TOKEN: TOKEN_PLACEHOLDER } }),
            },
          },
        },
        null,
        2,
      ),
    ),
    claudeCodeHttp: both((variant) => `claude mcp add --transport http mcp-dojo "${endpoint(variant)}"`),
    claudeCodeStdio: both((variant) =>
      variant === 'mock'
        ? `claude mcp add mcp-dojo -- ${node} ${quote(bin)} --backend mock`
        : `claude mcp add mcp-dojo --env TODOIST_API_TOKEN=${TOKEN_PLACEHOLDER} -- ${node} ${quote(bin)} --backend real`,
    ),
    // `--cli` must come first (the launcher reads its mode from the first arguments).
    inspector: both((variant) => `${INSPECTOR} --cli "${endpoint(variant)}" --transport http --method tools/list`),
    inspectorWeb: INSPECTOR,
    signIn: signInSnippets(signInEndpoint(options.publicOrigin ?? options.origin)),
  };
}

/**
 * Real Todoist, signed in: no learner id and no token in the URL. The client
 * learns from the 401 that it must sign in, and does so in the browser.
 */
export function signInEndpoint(origin: string): string {
  return `${mcpResourceUrl(origin)}?backend=real&upstream=todoist`;
}

function signInSnippets(endpoint: string): ConnectSnippets['signIn'] {
  return {
    endpoint,
    claudeCode: `claude mcp add --transport http mcp-dojo "${endpoint}"`,
    // The same CLI line: on the 401 it runs the OAuth flow itself (it prints the URL to open).
    inspector: `${INSPECTOR} --cli "${endpoint}" --transport http --method tools/list`,
  };
}

/** The snippet with the learner id filled in (the page learns it from GET /api/learner). */
export function withLearner(snippet: string, learner: string): string {
  return snippet.replaceAll(LEARNER_PLACEHOLDER, learner);
}

function quote(value: string): string {
  return /^[\w./@:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
