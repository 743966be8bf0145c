/**
 * What failed, in words a learner can act on: the HTTP status and the
 * server's own error text, a timeout with its limit, a JSON-RPC error with
 * its code — never just "failed".
 */
import { ProtocolError, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { isCancelled } from './cancel';
import { REQUEST_TIMEOUT_MS } from './constants';

export { cancelledError, isCancelled } from './cancel';

/** One message that says what failed; `error.cause` keeps the original. */
export function describeFailure(error: unknown): string {
  if (error instanceof SdkHttpError) return `HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ''} from the MCP endpoint: ${serverText(error)}`;
  if (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) {
    return `No answer within ${seconds(timeoutOf(error))}: the client stopped waiting (request timeout).`;
  }
  if (error instanceof SdkError && error.code === SdkErrorCode.ConnectionClosed) return 'The connection closed before the answer arrived.';
  // The SDK wraps a network failure during connect (e.g. "Version negotiation probe failed: fetch failed").
  if (error instanceof SdkError && error.cause instanceof TypeError) return `Could not reach the MCP endpoint (${error.message}).`;
  if (error instanceof ProtocolError) return `The server answered with JSON-RPC error ${error.code}: ${error.message}`;
  if (error instanceof TypeError) return `Could not reach the MCP endpoint (network error: ${error.message}).`;
  return error instanceof Error ? error.message : String(error);
}

/** Wraps anything thrown by a connect or a call into an Error whose message is describeFailure()'s. */
export function toCallFailure(error: unknown): Error {
  if (isCancelled(error)) return error as Error;
  return new Error(describeFailure(error), { cause: error });
}

/** The body the server sent with a non-2xx status: the JSON-RPC error message if it is one, else the text itself. */
function serverText(error: SdkHttpError): string {
  const text = typeof error.data.text === 'string' ? error.data.text.trim() : '';
  if (!text) return '(no body)';
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string };
    if (typeof parsed.error === 'string') return parsed.error;
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // Not JSON: the text is the message.
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

function timeoutOf(error: SdkError): number {
  const data = error.data as { timeout?: unknown } | undefined;
  return typeof data?.timeout === 'number' ? data.timeout : REQUEST_TIMEOUT_MS;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
