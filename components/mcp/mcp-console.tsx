'use client';
/**
 * An MCP client you can click: connect (in either protocol generation), list
 * tools, fill in a form generated from a tool's input schema, call it and
 * read the result.
 */
import type { Tool } from '@modelcontextprotocol/client';
import { useState } from 'react';
import type { DojoClientSettings, ProtocolChoice } from '@/lib/mcp/client/connect';
import { ToolForm } from './tool-form';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { ToolResult } from './tool-result';
import type { McpConnection } from './use-mcp-connection';
import { useToolCall } from './use-tool-call';

interface McpConsoleProps {
  session: McpConnection;
  settings: DojoClientSettings;
  protocol: ProtocolChoice;
}

export function McpConsole({ session, settings, protocol }: McpConsoleProps) {
  return (
    <div className="space-y-6">
      <ConnectionBar session={session} settings={settings} protocol={protocol} />
      {session.connection && <ToolExplorer key={session.connectionNumber} session={session} />}
    </div>
  );
}

const STATUS_STYLES: Record<McpConnection['status'], string> = {
  connected: 'bg-emerald-600',
  connecting: 'bg-amber-500 animate-pulse',
  disconnecting: 'bg-amber-500 animate-pulse',
  disconnected: 'bg-neutral-400',
  error: 'bg-red-600',
};

function ConnectionBar({ session, settings, protocol }: McpConsoleProps) {
  const { status, connection, serverInfo, protocolVersion } = session;
  const busy = status === 'connecting' || status === 'disconnecting';
  return (
    <div className="space-y-3 rounded-lg border border-border p-4">
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          disabled={busy}
          onClick={() => (connection ? session.disconnect() : session.connect({ settings, protocol }))}
          className={connection ? SECONDARY_BUTTON : PRIMARY_BUTTON}
        >
          {connection ? 'Disconnect' : 'Connect'}
        </button>
        {status === 'connecting' && (
          <button type="button" onClick={session.cancelConnect} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        )}
        <p className="flex items-center gap-2 text-base">
          <span aria-hidden className={`inline-block size-3 rounded-full ${STATUS_STYLES[status]}`} />
          <span className="sr-only">Status:</span>
          <span data-testid="mcp-status" role="status" className="font-semibold">
            {status}
          </span>
        </p>
        {serverInfo && (
          <p className="text-base">
            <span className="text-muted">server </span>
            <span className="font-semibold">{serverInfo.title ?? serverInfo.name}</span>{' '}
            <span className="font-mono text-sm text-muted">
              {serverInfo.name}@{serverInfo.version}
            </span>
          </p>
        )}
      </div>
      {connection && (
        <p className="flex flex-wrap gap-x-6 text-sm">
          <span>
            <span className="text-muted">Protocol </span>
            <code data-testid="mcp-protocol-version" className="font-mono">
              {protocolVersion ?? 'unknown'}
            </code>
          </span>
          <span>
            <span className="text-muted">Mcp-Session-Id </span>
            <span data-testid="mcp-session-id">none — the server keeps no session; each call is its own HTTP request</span>
          </span>
        </p>
      )}
      {session.connectError && (
        <p role="alert" className={ALERT}>
          Could not connect: {session.connectError.message}
        </p>
      )}
    </div>
  );
}

function ToolExplorer({ session }: { session: McpConnection }) {
  const [selectedName, setSelectedName] = useState<string | undefined>();
  const { tools } = session;
  if (tools.isPending) return <p className="text-muted">Listing tools…</p>;
  if (tools.isError) {
    return (
      <p role="alert" className={ALERT}>
        tools/list failed: {tools.error.message}
      </p>
    );
  }
  const selected = tools.data.find((tool) => tool.name === selectedName);
  return (
    <div className="space-y-6">
      <section aria-labelledby="tools-heading">
        <h2 id="tools-heading" className="text-lg font-semibold">
          Tools <span className="text-base font-normal text-muted">({tools.data.length}, from tools/list)</span>
        </h2>
        <ul data-testid="tool-list" className="mt-2 flex flex-wrap gap-2">
          {tools.data.map((tool) => (
            <li key={tool.name}>
              <button
                type="button"
                aria-pressed={tool.name === selectedName}
                title={tool.title}
                onClick={() => setSelectedName(tool.name)}
                className="rounded-md border border-border px-3 py-1.5 font-mono text-sm hover:border-accent aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-foreground"
              >
                {tool.name}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {selected ? (
        <ToolPanel key={selected.name} tool={selected} session={session} />
      ) : (
        <p className="text-muted">Pick a tool to see its input form.</p>
      )}
    </div>
  );
}

function ToolPanel({ tool, session }: { tool: Tool; session: McpConnection }) {
  const call = useToolCall(session.connection?.client ?? null);
  const readOnly = tool.annotations?.readOnlyHint;
  return (
    <section aria-labelledby="tool-heading" className="space-y-5 rounded-lg border border-border p-4">
      <div>
        <h2 id="tool-heading" className="text-lg font-semibold">
          <span className="font-mono">{tool.name}</span>
          {tool.title && <span className="font-normal text-muted"> — {tool.title}</span>}
        </h2>
        {tool.description && <p className="mt-1 text-base leading-relaxed text-muted">{tool.description}</p>}
        {readOnly !== undefined && (
          <p className="mt-2 text-sm">
            <span className="rounded border border-border px-2 py-0.5">{readOnly ? 'read-only' : 'changes data'}</span>
          </p>
        )}
      </div>
      <ToolForm tool={tool} busy={call.isPending} onCall={(args) => call.call({ name: tool.name, args })} onCancel={call.cancel} />
      <ToolResult toolName={tool.name} result={call.result} error={call.error} progress={call.progress} pending={call.isPending} />
    </section>
  );
}
