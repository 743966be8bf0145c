/**
 * Raw JSON-RPC over HTTP to the MCP endpoint, as a client of either protocol
 * era puts it on the wire — for requests no SDK client would send (a
 * `tools/call` without a name, arguments that are null), and for fuzzing.
 *
 * - 2026-07-28: the `_meta` envelope in params, and the `MCP-Protocol-Version`,
 *   `Mcp-Method` and `Mcp-Name` headers (a name that is not plain ASCII in the
 *   spec's `=?base64?…?=` form, as the SDK's client sends it);
 * - 2025-11-25: the stateless fallback — no initialize needed, one request.
 *
 * Also starts the real endpoint (mock backend) on a loopback port.
 */
import { MemoryStateStore } from '@/lib/state';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { issueLearnerId } from '@/lib/identity/learner';
import { createMcpEndpoint } from '../http/endpoint';

export const WIRE_ERAS = ['2026-07-28', '2025-11-25'] as const;
export type WireEra = (typeof WIRE_ERAS)[number];

export interface RawAnswer {
  status: number;
  /** Size of the HTTP body as received. */
  bytes: number;
  /** Size of the request's headers as sent (a 2026-07-28 call repeats the tool name in Mcp-Name). */
  requestHeaderBytes: number;
  /** The JSON-RPC response to the request (SSE unwrapped; notifications left out), if one came. */
  message: { result?: Record<string, unknown>; error?: { code: number; message: string } } | undefined;
}

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'dojo-raw-test', version: '1.0.0' },
};

/** `capabilities`: what a 2026-07-28 request declares its client can do (none by default). */
export async function postRaw(
  url: string,
  era: WireEra,
  request: { id: number; method: string; params?: unknown },
  capabilities: Record<string, unknown> = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': era,
  };
  let { params } = request;
  if (era === '2026-07-28') {
    headers['Mcp-Method'] = request.method;
    if (isObject(params)) {
      const { name } = params;
      params = { ...params, _meta: { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': capabilities } };
      if (typeof name === 'string') headers['Mcp-Name'] = headerValue(name);
    }
  }
  const body = JSON.stringify({ jsonrpc: '2.0', id: request.id, method: request.method, ...(params !== undefined && { params }) });
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const requestHeaderBytes = Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
  return { status: response.status, bytes: Buffer.byteLength(text), requestHeaderBytes, message: responseTo(request.id, text) };
}

/** The response with this id, from a JSON body or an SSE stream of `data:` lines. */
function responseTo(id: number, text: string): RawAnswer['message'] {
  const candidates = text.trimStart().startsWith('{')
    ? [text]
    : text.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5));
  for (const candidate of candidates) {
    const parsed = JSON.parse(candidate) as { id?: unknown };
    if (parsed.id === id) return parsed as RawAnswer['message'];
  }
  return undefined;
}

/** The spec's header value encoding: plain printable ASCII as is, anything else as `=?base64?{utf-8 base64}?=`. */
function headerValue(value: string): string {
  const plain = value === value.trim() && /^[\t\x20-\x7e]*$/.test(value);
  return plain ? value : `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The real endpoint on loopback, mock backend, no token; a learner's URL to call it with. */
export async function startMockEndpoint(): Promise<{ running: RunningServer; url: (query?: string) => string }> {
  const secret = Buffer.from('raw-json-rpc-test-secret');
  const endpoint = createMcpEndpoint({
    store: new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 }),
    policy: { origins: [], hosts: [] },
    secret,
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    // These tests make thousands of calls: the per-tenant rate limit is not what they are about.
    rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
  });
  const running = await serveFetch(endpoint);
  const learner = issueLearnerId(secret);
  return { running, url: (query = '') => `${running.origin}/api/mcp?learner=${learner}&backend=mock${query}` };
}
