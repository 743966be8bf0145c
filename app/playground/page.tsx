import type { Metadata } from 'next';
import { McpPlayground } from '@/components/mcp/playground';

export const metadata: Metadata = {
  title: 'MCP playground · MCP Dojo',
  description: 'Connect a real MCP client to the Dojo server, call its Todoist tools and watch every JSON-RPC message.',
};

export default function PlaygroundPage() {
  return (
    // The console and the trace need the full width, side by side.
    <div className="mx-auto max-w-[110rem] px-6 py-10">
      <h1 className="text-3xl font-bold tracking-tight">MCP playground</h1>
      <p className="mt-2 max-w-3xl text-lg leading-relaxed text-muted">
        A real MCP client in your browser, talking Streamable HTTP to this app&apos;s <code className="font-mono">/api/mcp</code>.
        Connect, call a tool, and read what went over the wire.
      </p>
      <div className="mt-8">
        <McpPlayground />
      </div>
    </div>
  );
}
