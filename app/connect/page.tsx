/**
 * /connect — plug this server into Claude Desktop, Claude Code or the MCP Inspector,
 * with this machine's actual paths and URL filled in.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { CopyBlock } from '@/components/connect/copy-block';
import { connectSnippets } from '@/lib/mcp/connect-snippets';

export const metadata: Metadata = {
  title: 'Connect Claude · MCP Dojo',
  description: 'Connect Claude Desktop, Claude Code or the MCP Inspector to the Dojo MCP server.',
};

export const dynamic = 'force-dynamic';

export default async function ConnectPage() {
  const requestHeaders = await headers();
  const host = requestHeaders.get('host') ?? 'localhost:3000';
  const protocol = requestHeaders.get('x-forwarded-proto') ?? 'http';
  const snippets = connectSnippets({ projectDir: process.cwd(), nodePath: process.execPath, origin: `${protocol}://${host}` });

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-10">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Connect Claude</h1>
        <p className="mt-2 text-lg leading-relaxed text-muted">
          The same server that runs the lessons, for your own MCP client. Set your Todoist token in the server&apos;s
          environment (or on the <Link href="/settings" className="underline">Settings</Link> page for the HTTP endpoint);
          it never travels through the model.
        </p>
      </div>

      <section aria-labelledby="desktop" className="space-y-3">
        <h2 id="desktop" className="text-xl font-semibold">Claude Desktop (stdio)</h2>
        <p className="text-muted">
          Add this to <code>claude_desktop_config.json</code> (Settings → Developer → Edit Config), then restart Claude
          Desktop. The paths are this machine&apos;s.
        </p>
        <CopyBlock id="claude-desktop" label="claude_desktop_config.json" text={snippets.claudeDesktop} />
      </section>

      <section aria-labelledby="code" className="space-y-3">
        <h2 id="code" className="text-xl font-semibold">Claude Code</h2>
        <p className="text-muted">Over HTTP, while this app runs — the token comes from this server&apos;s configuration:</p>
        <CopyBlock id="claude-code-http" label="Streamable HTTP" text={snippets.claudeCodeHttp} />
        <p className="text-muted">Or over stdio, with the token in the server&apos;s environment:</p>
        <CopyBlock id="claude-code-stdio" label="stdio" text={snippets.claudeCodeStdio} />
      </section>

      <section aria-labelledby="inspector" className="space-y-3">
        <h2 id="inspector" className="text-xl font-semibold">MCP Inspector</h2>
        <p className="text-muted">
          Lists the tools from the command line (the Inspector needs Node 22.19 or newer; <code>node@22</code> brings
          one). Without <code>--cli</code> it opens its web UI: choose Streamable HTTP and{' '}
          <code>{snippets.endpoint}</code>.
        </p>
        <CopyBlock id="inspector" label="MCP Inspector" text={snippets.inspector} />
      </section>

      <p className="text-muted">
        Endpoint settings travel in the query: <code>backend=mock|real</code>, <code>scenario</code>,{' '}
        <code>size=tiny|small|large</code>, <code>strategy=production|naive</code>. Every answer starts with a{' '}
        <code>Source:</code> line; in real mode the server never answers with mock data.
      </p>
    </div>
  );
}
