'use client';
/**
 * One MCP client connection for the playground: connect (in the chosen
 * protocol generation), disconnect, status and the server's tool list. The
 * server keeps no session, so a connection here holds no HTTP connection
 * between calls: it is the client's negotiated state, nothing more. The
 * protocol work lives in lib/mcp/client; this hook adds React state and
 * TanStack Query caching on top.
 */
import type { Tool } from '@modelcontextprotocol/client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { connectDojoClient, REQUEST_TIMEOUT_MS, type DojoClientSettings, type DojoConnection, type ProtocolChoice } from '@/lib/mcp/client/connect';
import { toCallFailure } from '@/lib/mcp/client/failure';
import type { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import type { ProtocolTrace } from '@/lib/mcp/client/trace';

export type McpConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'disconnecting' | 'error';

export interface UseMcpConnectionOptions {
  /** The MCP endpoint, relative to this page. */
  endpoint?: string;
  trace?: ProtocolTrace;
  http?: HttpExchangeLog;
}

export interface ConnectInput {
  settings: DojoClientSettings;
  protocol: ProtocolChoice;
}

export function useMcpConnection({ endpoint = '/api/mcp', trace, http }: UseMcpConnectionOptions = {}) {
  const [connection, setConnection] = useState<DojoConnection | null>(null);
  // Each connection gets a number: the tool list is cached per connection.
  const generation = useRef(0);
  const [connectionNumber, setConnectionNumber] = useState(0);
  const connectAbort = useRef<AbortController | null>(null);

  const connecting = useMutation({
    mutationFn: async ({ settings, protocol }: ConnectInput) => {
      const abort = new AbortController();
      connectAbort.current = abort;
      // `let`, not `const`: a failed connect closes (and calls onClose) before it is assigned.
      let opened: DojoConnection | undefined = undefined;
      try {
        opened = await connectDojoClient({
          endpoint,
          settings,
          protocol,
          trace,
          http,
          signal: abort.signal,
          onClose: () => setConnection((current) => (current === opened ? null : current)),
        });
      } catch (error) {
        throw toCallFailure(error);
      }
      return opened;
    },
    onSuccess: (opened) => {
      generation.current += 1;
      setConnectionNumber(generation.current);
      setConnection(opened);
    },
  });
  const disconnecting = useMutation({
    mutationFn: (current: DojoConnection) => current.close(),
    onSettled: () => {
      setConnection(null);
      connecting.reset();
    },
  });

  const tools = useQuery({
    queryKey: ['mcp', connectionNumber, 'tools/list'],
    queryFn: async (): Promise<Tool[]> => {
      try {
        return (await connection!.client.listTools(undefined, { timeout: REQUEST_TIMEOUT_MS })).tools;
      } catch (error) {
        throw toCallFailure(error);
      }
    },
    enabled: connection !== null,
    staleTime: Infinity,
    retry: false,
  });

  useEffect(() => {
    if (!connection) return;
    // Leaving the page aborts whatever is still in flight.
    return () => void connection.close().catch(() => undefined);
  }, [connection]);

  return {
    status: statusOf(connection, connecting.isPending, disconnecting.isPending, connecting.isError),
    connection,
    connectionNumber,
    protocolVersion: connection?.protocolVersion,
    serverInfo: connection?.serverInfo,
    tools,
    connectError: connecting.error,
    connect: (input: ConnectInput) => connecting.mutate(input),
    /** Stops a connect that is taking too long (it also gives up by itself after the request timeout). */
    cancelConnect: () => connectAbort.current?.abort(new DOMException('Connect cancelled.', 'AbortError')),
    disconnect: () => connection && disconnecting.mutate(connection),
  };
}

export type McpConnection = ReturnType<typeof useMcpConnection>;

function statusOf(connection: DojoConnection | null, isConnecting: boolean, isDisconnecting: boolean, connectFailed: boolean): McpConnectionStatus {
  if (isDisconnecting) return 'disconnecting';
  if (connection) return 'connected';
  if (isConnecting) return 'connecting';
  return connectFailed ? 'error' : 'disconnected';
}
