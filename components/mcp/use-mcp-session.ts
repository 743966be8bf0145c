'use client';
/**
 * One MCP session for a component tree: connect, disconnect, status and the
 * server's tool list. The protocol work lives in lib/mcp/client; this hook
 * only adds React state and TanStack Query caching on top.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { connectDojoClient, type DojoClientSettings, type DojoConnection } from '@/lib/mcp/client/connect';
import type { ProtocolTrace } from '@/lib/mcp/client/trace';

export type McpSessionStatus = 'disconnected' | 'connecting' | 'connected' | 'disconnecting' | 'error';

export interface UseMcpSessionOptions {
  /** The MCP endpoint, relative to this page. */
  endpoint?: string;
  trace?: ProtocolTrace;
}

export function useMcpSession({ endpoint = '/api/mcp', trace }: UseMcpSessionOptions = {}) {
  const [connection, setConnection] = useState<DojoConnection | null>(null);

  const connecting = useMutation({
    mutationFn: async (settings: DojoClientSettings) => {
      // `let`, not `const`: a failed connect closes (and calls onClose) before it is assigned.
      let opened: DojoConnection | undefined = undefined;
      opened = await connectDojoClient({
        endpoint,
        settings,
        trace,
        // The server or the network can end the session too (e.g. it expired); reflect that.
        onClose: () => setConnection((current) => (current === opened ? null : current)),
      });
      return opened;
    },
    onSuccess: setConnection,
  });
  const disconnecting = useMutation({
    mutationFn: (current: DojoConnection) => current.close(),
    onSettled: () => {
      setConnection(null);
      connecting.reset();
    },
  });

  const tools = useQuery({
    // Keyed by session: a new session may run a different server, so its tools are asked for again.
    queryKey: ['mcp', connection?.sessionId ?? 'none', 'tools/list'],
    queryFn: async (): Promise<Tool[]> => (await connection!.client.listTools()).tools,
    enabled: connection !== null,
    staleTime: Infinity,
  });

  useEffect(() => {
    if (!connection) return;
    // Leaving the page ends the session, instead of leaving it to idle out on the server.
    return () => void connection.close().catch(() => undefined);
  }, [connection]);

  return {
    status: statusOf(connection, connecting.isPending, disconnecting.isPending, connecting.isError),
    connection,
    sessionId: connection?.sessionId,
    serverInfo: connection?.serverInfo,
    tools,
    connectError: connecting.error,
    connect: (settings: DojoClientSettings) => connecting.mutate(settings),
    disconnect: () => connection && disconnecting.mutate(connection),
  };
}

function statusOf(
  connection: DojoConnection | null,
  isConnecting: boolean,
  isDisconnecting: boolean,
  connectFailed: boolean,
): McpSessionStatus {
  if (isDisconnecting) return 'disconnecting';
  if (connection) return 'connected';
  if (isConnecting) return 'connecting';
  return connectFailed ? 'error' : 'disconnected';
}
