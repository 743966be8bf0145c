/**
 * A protocol trace: every JSON-RPC message a client sends and receives, in order.
 *
 * `traceTransport()` wraps any SDK Transport, so the same trace works over
 * Streamable HTTP in the browser and over InMemoryTransport in tests. The
 * store is small and synchronous: React reads it with useSyncExternalStore.
 */
import type { JSONRPCMessage, MessageExtraInfo, RequestId, Transport, TransportSendOptions } from '@modelcontextprotocol/client';
import { SequencedLog, type LogListener } from './sequenced-log';

export type TraceDirection = 'out' | 'in';
export type TraceKind = 'request' | 'response' | 'notification' | 'error';

export interface TraceEntry {
  /** Position in the trace, from 1; keeps increasing across clear(). */
  seq: number;
  /** `out`: client → server; `in`: server → client. */
  direction: TraceDirection;
  kind: TraceKind;
  /** Requests and notifications only: JSON-RPC responses carry just the id. */
  method?: string;
  id?: RequestId;
  /** Responses only: the method of the request this answers, found by pairing ids. */
  answers?: string;
  /** When it was sent or received (ms since the epoch). */
  at: number;
  /** Bytes of the message as JSON (UTF-8). */
  size: number;
  /** Responses only: time since the request with the same id went the other way. */
  latencyMs?: number;
  /**
   * The `io.modelcontextprotocol/*` keys in the message's `_meta`: on 2026-07-28
   * every request carries this envelope (protocol version, client info and
   * capabilities) because there is no initialize handshake to remember them.
   */
  envelope?: string[];
  message: JSONRPCMessage;
}

/** The key prefix of the per-request envelope (2026-07-28). */
export const ENVELOPE_KEY_PREFIX = 'io.modelcontextprotocol/';

/** The envelope keys a message carries in `params._meta` (requests, notifications) or `result._meta` (responses). */
export function envelopeKeys(message: JSONRPCMessage): string[] {
  const holder = 'params' in message ? message.params : 'result' in message ? message.result : undefined;
  const meta = typeof holder === 'object' && holder !== null ? (holder as { _meta?: unknown })._meta : undefined;
  if (typeof meta !== 'object' || meta === null) return [];
  return Object.keys(meta).filter((key) => key.startsWith(ENVELOPE_KEY_PREFIX));
}

export type TraceListener = LogListener;

export class ProtocolTrace extends SequencedLog<TraceEntry> {
  /** `maxEntries` bounds memory in a long session: the oldest entries are dropped. */
  constructor(options: { maxEntries?: number } = {}) {
    super(options, 1_000);
  }
}

/**
 * Wraps a transport so every message through it lands in `trace`.
 * Call it BEFORE `client.connect()`: the Client installs its `onmessage`,
 * `onclose` and `onerror` on whatever transport it is given, and the wrapper
 * passes them through to the real one.
 */
export function traceTransport(transport: Transport, trace: ProtocolTrace): Transport {
  // Pairing is per connection: a new client starts its request ids at 0 again.
  const pending = new Map<string, PendingRequest>();
  const record = (direction: TraceDirection, message: JSONRPCMessage) => {
    for (const single of Array.isArray(message) ? (message as JSONRPCMessage[]) : [message]) {
      trace.append(describe(direction, single, pending));
    }
  };

  let clientOnMessage: Transport['onmessage'];
  const wrapper: Transport = {
    start: () => transport.start(),
    close: () => transport.close(),
    async send(message: JSONRPCMessage, options?: TransportSendOptions) {
      // Recorded before sending: the response may arrive before send() resolves.
      record('out', message);
      return transport.send(message, options);
    },
    get onmessage() {
      return clientOnMessage;
    },
    set onmessage(handler) {
      clientOnMessage = handler;
      transport.onmessage = handler
        ? <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => {
            record('in', message);
            handler(message, extra);
          }
        : undefined;
    },
    get onclose() {
      return transport.onclose;
    },
    set onclose(handler) {
      transport.onclose = handler;
    },
    get onerror() {
      return transport.onerror;
    },
    set onerror(handler) {
      transport.onerror = handler;
    },
    // A getter, not a copy: a 2025-era server may hand out a session id in the initialize response.
    get sessionId() {
      return transport.sessionId;
    },
    // Streamable HTTP sends one POST per request: on 2026-07-28 the client cancels by aborting that POST.
    get hasPerRequestStream() {
      return transport.hasPerRequestStream;
    },
  };
  // Only offered when the real transport has them: the Client checks for their presence.
  if (transport.setProtocolVersion) {
    wrapper.setProtocolVersion = (version: string) => transport.setProtocolVersion?.(version);
  }
  if (transport.setSupportedProtocolVersions) {
    wrapper.setSupportedProtocolVersions = (versions: string[]) => transport.setSupportedProtocolVersions?.(versions);
  }
  return wrapper;
}

interface PendingRequest {
  method: string;
  /** performance.now(): the wall clock can jump, and is coarse in some browsers. */
  startedAt: number;
}

function describe(direction: TraceDirection, message: JSONRPCMessage, pending: Map<string, PendingRequest>): Omit<TraceEntry, 'seq'> {
  const at = Date.now();
  const envelope = envelopeKeys(message);
  const base = { direction, at, size: byteSize(message), ...(envelope.length > 0 && { envelope }), message };
  const id = 'id' in message ? message.id : undefined;
  const method = 'method' in message ? message.method : undefined;

  if (method !== undefined && id !== undefined) {
    pending.set(pairKey(direction, id), { method, startedAt: performance.now() });
    return { ...base, kind: 'request', method, id };
  }
  if (method !== undefined) return { ...base, kind: 'notification', method };

  const kind: TraceKind = 'error' in message ? 'error' : 'response';
  // A response travels the opposite way to its request.
  const key = pairKey(direction === 'in' ? 'out' : 'in', id);
  const request = pending.get(key);
  pending.delete(key);
  if (!request) return { ...base, kind, ...(id !== undefined && { id }) };
  const latencyMs = Math.round((performance.now() - request.startedAt) * 10) / 10;
  return { ...base, kind, ...(id !== undefined && { id }), answers: request.method, latencyMs };
}

function pairKey(direction: TraceDirection, id: RequestId | undefined): string {
  return `${direction}:${typeof id}:${String(id)}`;
}

const encoder = new TextEncoder();

function byteSize(message: JSONRPCMessage): number {
  return encoder.encode(JSON.stringify(message)).length;
}
