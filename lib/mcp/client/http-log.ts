/**
 * Every HTTP exchange of a connection: method, status, the headers that tell
 * the protocol's story (mcp-*, content-type, accept, allow), bytes each way,
 * how long it took and whether the answer was a stream.
 *
 * `loggingFetch()` wraps the `fetch` the SDK transport is given, so the log
 * sees exactly what went over the wire — the JSON-RPC trace (trace.ts) cannot:
 * it has no idea that a 2025-11-25 connection also opened a GET, or that one
 * message was a 202 with an empty body. The store works like ProtocolTrace,
 * so React reads it with useSyncExternalStore.
 */
import { SequencedLog, type LogListener } from './sequenced-log';

export interface HttpExchange {
  /** Position in the log, from 1; keeps increasing across clear(). */
  seq: number;
  method: string;
  url: string;
  /** The HTTP status; 0 when no response arrived (network error, or aborted before the headers). */
  status: number;
  /** Filtered: mcp-*, content-type, accept, allow (never cookies or credentials). Names in lower case. */
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBytes: number;
  /** Counted as the body streamed through, so an SSE stream is counted without being read twice. */
  responseBytes: number;
  /** From the call to fetch() until the response body ended (or failed). */
  durationMs: number;
  /** The answer was an event stream (text/event-stream), not one JSON body. */
  streamed: boolean;
  /** How the exchange ended: the body was read to the end, or it failed / was aborted part-way. */
  outcome: 'complete' | 'failed' | 'aborted';
  /** For `failed` and `aborted`: what went wrong, in one line. */
  error?: string;
}

export type HttpExchangeListener = LogListener;

const DEFAULT_MAX_ENTRIES = 500;

export class HttpExchangeLog extends SequencedLog<HttpExchange> {
  /** Exchanges started and not yet recorded (their body still arriving). */
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: { maxEntries?: number } = {}) {
    super(options, DEFAULT_MAX_ENTRIES);
  }

  /** Marks an exchange as started; call the returned function once it is recorded. */
  track(): () => void {
    let finished!: () => void;
    const exchange = new Promise<void>((resolve) => (finished = resolve));
    this.#inFlight.add(exchange);
    return () => {
      this.#inFlight.delete(exchange);
      finished();
    };
  }

  /**
   * Waits until every exchange started so far is recorded, at most `timeoutMs`
   * (a stream may stay open for good). True when nothing is left in flight.
   * A client that fires requests in the background (a 2025 client's GET
   * stream) would otherwise be closed with them cut off, and logged as aborted.
   */
  async settled(timeoutMs: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      while (this.#inFlight.size > 0) {
        if ((await Promise.race([Promise.all([...this.#inFlight]), timeout])) === 'timeout') return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  override clear(): void {
    // Nothing to clear, nothing to re-render.
    if (this.entries.length > 0) super.clear();
  }
}

/** What the SDK transport accepts as its `fetch` option. */
export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>;

const SHOWN_HEADERS = new Set(['content-type', 'accept', 'allow']);

/** Only the headers that explain the protocol; everything else (cookies, authorization, …) stays out of the log. */
export function filterHeaders(headers: HeadersInit | Headers | undefined): Record<string, string> {
  const shown: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    if (name.startsWith('mcp-') || SHOWN_HEADERS.has(name)) shown[name] = value;
  });
  return shown;
}

const encoder = new TextEncoder();

function bodyBytes(body: BodyInit | null | undefined): number {
  if (body === null || body === undefined) return 0;
  if (typeof body === 'string') return encoder.encode(body).length;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof Blob) return body.size;
  if (body instanceof URLSearchParams) return encoder.encode(body.toString()).length;
  return 0; // a stream or form data: not something the MCP transport sends
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function oneLine(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A fetch that records each exchange in `log` once its body has ended. The
 * response handed back is a copy whose body counts bytes as the caller reads
 * it: nothing is read ahead, so an SSE stream still arrives event by event.
 */
export function loggingFetch(log: HttpExchangeLog, baseFetch: FetchFunction = (input, init) => fetch(input, init)): FetchFunction {
  return async (input, init) => {
    const startedAt = performance.now();
    const request = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url: String(input),
      requestHeaders: filterHeaders(init?.headers),
      requestBytes: bodyBytes(init?.body),
    };
    const elapsed = () => Math.round((performance.now() - startedAt) * 10) / 10;
    const recorded = log.track();

    let response: Response;
    try {
      response = await baseFetch(input, init);
    } catch (error) {
      recorded();
      log.append({
        ...request,
        status: 0,
        responseHeaders: {},
        responseBytes: 0,
        durationMs: elapsed(),
        streamed: false,
        outcome: isAbort(error) ? 'aborted' : 'failed',
        error: oneLine(error),
      });
      throw error;
    }

    const responseHeaders = filterHeaders(response.headers);
    const streamed = (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');
    const finish = (responseBytes: number, outcome: HttpExchange['outcome'], error?: unknown) => {
      recorded();
      log.append({
        ...request,
        status: response.status,
        responseHeaders,
        responseBytes,
        durationMs: elapsed(),
        streamed,
        outcome,
        ...(error !== undefined && { error: oneLine(error) }),
      });
    };

    if (!response.body) {
      finish(0, 'complete');
      return response;
    }
    return new Response(countingStream(response.body, finish), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Passes `body` through chunk by chunk, counting bytes; reports once, when it ends, fails or is cancelled. */
function countingStream(
  body: ReadableStream<Uint8Array>,
  finish: (bytes: number, outcome: HttpExchange['outcome'], error?: unknown) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let bytes = 0;
  let reported = false;
  const report = (outcome: HttpExchange['outcome'], error?: unknown) => {
    if (reported) return;
    reported = true;
    finish(bytes, outcome, error);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          report('complete');
          controller.close();
          return;
        }
        bytes += value.byteLength;
        controller.enqueue(value);
      } catch (error) {
        report(isAbort(error) ? 'aborted' : 'failed', error);
        controller.error(error);
      }
    },
    async cancel(reason) {
      report('aborted', reason ?? 'The reader cancelled the body.');
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
