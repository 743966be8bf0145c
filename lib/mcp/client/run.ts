/**
 * One piece of work on a connection of its own: connect, do the calls, close.
 * The server keeps no session, so there is nothing to keep open between runs:
 * a run holds HTTP connections only while its requests are in flight, and
 * closing aborts whatever is left. Every request gets the same timeout and
 * the run's cancel signal; a failure comes back saying what failed.
 */
import type { Client, RequestOptions } from '@modelcontextprotocol/client';
import { connectDojoClient, REQUEST_TIMEOUT_MS, type ConnectDojoClientOptions, type DojoConnection } from './connect';
import { isCancelled, toCallFailure } from './failure';

/** What each request of the run should pass: the run's cancel signal and the timeout. */
export type RunRequestOptions = Pick<RequestOptions, 'signal' | 'timeout'>;

export interface RunContext {
  client: Client;
  connection: DojoConnection;
  /** Spread into every request: `client.callTool(params, { ...request, onprogress })`. */
  request: RunRequestOptions;
}

/** How long a finished run waits for requests still in flight (only the HTTP log's) before it closes. */
const SETTLE_BEFORE_CLOSE_MS = 5_000;

export interface RunOptions extends Omit<ConnectDojoClientOptions, 'signal'> {
  /** The run's Cancel: aborts the connect or the call in flight. */
  signal?: AbortSignal;
  /** How a cancelled run rejects (default: an AbortError naming the caller). */
  cancelled?: () => Error;
  /** For tests: connect some other way. */
  connect?: (options: ConnectDojoClientOptions) => Promise<DojoConnection>;
}

export async function runOnConnection<Result>(options: RunOptions, work: (context: RunContext) => Promise<Result>): Promise<Result> {
  const { signal, cancelled, connect = connectDojoClient, ...connectOptions } = options;
  const request: RunRequestOptions = { timeout: REQUEST_TIMEOUT_MS, ...(signal && { signal }) };
  let connection: DojoConnection | undefined;
  const abandon = () => void connection?.close().catch(() => undefined);
  signal?.addEventListener('abort', abandon, { once: true });
  try {
    signal?.throwIfAborted();
    connection = await connect({ ...connectOptions, ...(signal && { signal }) });
    signal?.throwIfAborted();
    const result = await work({ client: connection.client, connection, request });
    // A 2025 client opens its GET stream in the background: let what is in flight be answered (405, at once)
    // before the close, so the HTTP log shows the answer instead of an exchange cut off as aborted.
    await connectOptions.http?.settled(SETTLE_BEFORE_CLOSE_MS);
    return result;
  } catch (error) {
    // The SDK reports an abort as a timeout with the abort reason: name a cancel as a cancel.
    if (signal?.aborted) throw cancelled?.() ?? (isCancelled(signal.reason) ? signal.reason : new DOMException('Cancelled.', 'AbortError'));
    throw toCallFailure(error);
  } finally {
    signal?.removeEventListener('abort', abandon);
    await connection?.close().catch(() => undefined);
  }
}
