/**
 * /connect — plug this server into Claude Desktop, Claude Code or the MCP Inspector,
 * with this machine's actual paths and URL filled in, and the visitor's learner id
 * in the HTTP lines. Every client gets a mock line that works with no token, and
 * HTTP clients a sign-in line: the OAuth-protected endpoint, walked through step by step.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { CopyBlock } from '@/components/connect/copy-block';
import { LearnerIdNote, LearnerSnippet } from '@/components/connect/learner-snippet';
import { SignInSection } from '@/components/connect/sign-in-section';
import { todoistUpstreamFromEnv } from '@/lib/auth/upstream';
import { publicOrigin } from '@/lib/http/public-origin';
import { connectSnippets } from '@/lib/mcp/connect-snippets';
import { signInSteps } from '@/lib/mcp/connect-sign-in';
import { serverWideTokenFromEnv } from '@/lib/mcp/http/caller';

export const metadata: Metadata = {
  title: 'Connect Claude · MCP Dojo',
  description: 'Connect Claude Desktop, Claude Code or the MCP Inspector to the Dojo MCP server.',
};

export const dynamic = 'force-dynamic';

export default async function ConnectPage() {
  const requestHeaders = await headers();
  const host = requestHeaders.get('host') ?? 'localhost:3000';
  const protocol = requestHeaders.get('x-forwarded-proto') ?? 'http';
  const origin = `${protocol}://${host}`;
  // Tokens are bound to DOJO_PUBLIC_URL when it is set, so the sign-in URLs use it too.
  const tokenOrigin = publicOrigin(new Request(origin));
  const snippets = connectSnippets({ projectDir: process.cwd(), nodePath: process.execPath, origin, publicOrigin: tokenOrigin });
  const todoist = todoistUpstreamFromEnv();
  const steps = signInSteps({ origin: tokenOrigin, upstream: todoist ? 'todoist' : 'standin', todoistConsentUrl: todoist?.authorizeUrl });

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Connect Claude</h1>
        <p className="text-lg leading-relaxed text-muted">
          The same server that runs the lessons, for your own MCP client. Each client has two lines: <strong>mock</strong> works right
          away, with no token, no sign-in and no network; <strong>real</strong> reads Todoist with the token configured on this server
          (environment, config file or the <Link href="/settings" className="underline">Settings</Link> page; single-user mode only) — it never
          travels through the model. With no token configured, real answers with an error that says so, never with sample tasks. HTTP clients
          can also <a href="#sign-in" className="underline">sign in with their own Todoist account</a> instead.
        </p>
        <LearnerIdNote />
      </div>

      <section aria-labelledby="desktop" className="space-y-3">
        <h2 id="desktop" className="text-xl font-semibold">
          Claude Desktop (stdio)
        </h2>
        <p className="text-muted">
          Add this to <code>claude_desktop_config.json</code> (Settings → Developer → Edit Config), then restart Claude Desktop. Claude
          Desktop starts the server itself; the paths are this machine&apos;s.
        </p>
        <CopyBlock id="claude-desktop-mock" label="claude_desktop_config.json — mock" text={snippets.claudeDesktop.mock} />
        <CopyBlock id="claude-desktop" label="claude_desktop_config.json — real" text={snippets.claudeDesktop.real} />
      </section>

      <section aria-labelledby="code" className="space-y-3">
        <h2 id="code" className="text-xl font-semibold">
          Claude Code
        </h2>
        <p className="text-muted">
          Over HTTP, while this app runs. The URL carries your learner id, so Claude Code sees the same workspaces (and the same writes) as
          your browser; the token comes from this server&apos;s configuration.
        </p>
        <LearnerSnippet id="claude-code-http-mock" label="Streamable HTTP — mock" text={snippets.claudeCodeHttp.mock} />
        <LearnerSnippet id="claude-code-http" label="Streamable HTTP — real" text={snippets.claudeCodeHttp.real} />
        <p className="text-muted">Or over stdio, without this app running (for real, the token goes in the server&apos;s environment):</p>
        <CopyBlock id="claude-code-stdio-mock" label="stdio — mock" text={snippets.claudeCodeStdio.mock} />
        <CopyBlock id="claude-code-stdio" label="stdio — real" text={snippets.claudeCodeStdio.real} />
      </section>

      <section aria-labelledby="inspector" className="space-y-3">
        <h2 id="inspector" className="text-xl font-semibold">
          MCP Inspector
        </h2>
        <p className="text-muted">
          The Inspector 2.x needs Node 22.19 or newer; <code>-p node@22</code> brings one along. These list the tools from the command line
          (add <code>--protocol-era modern</code> to speak 2026-07-28; the CLI speaks 2025-11-25 by default, and this server answers both).
        </p>
        <LearnerSnippet id="inspector-mock" label="MCP Inspector CLI — mock" text={snippets.inspector.mock} />
        <LearnerSnippet id="inspector" label="MCP Inspector CLI — real" text={snippets.inspector.real} />
        <p className="text-muted">
          Without <code>--cli</code> it opens its web UI: choose Streamable HTTP and paste the URL from one of the lines above.
        </p>
        <CopyBlock id="inspector-web" label="MCP Inspector web UI" text={snippets.inspectorWeb} />
      </section>

      <SignInSection
        snippets={snippets.signIn}
        steps={steps}
        multiUser={!serverWideTokenFromEnv()}
        todoistConfigured={todoist !== undefined}
      />

      <section aria-labelledby="settings" className="space-y-2 text-muted">
        <h2 id="settings" className="text-xl font-semibold text-foreground">
          Endpoint settings
        </h2>
        <p>
          Everything travels in the URL&apos;s query: <code>backend=mock|real</code>, <code>scenario</code>, <code>size=tiny|small|large</code>,{' '}
          <code>strategy=production|naive</code>, <code>workspace=&lt;name&gt;</code> (which of your workspaces: data, scenario, breaker
          and cache; <code>default</code> if left out) and, for real, <code>upstream=todoist|standin|auto</code> — add{' '}
          <code>&amp;upstream=standin</code> to a real line to reach this app&apos;s Todoist stand-in (sample data over real HTTP) instead of
          your account. Every answer starts with a <code>Source:</code> line; in real mode the server never answers with mock data.
        </p>
      </section>
    </div>
  );
}
