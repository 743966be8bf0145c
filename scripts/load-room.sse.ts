/**
 * A Server-Sent Events reader over fetch, for the room load script: what a
 * page's EventSource does, without the browser (and without reconnecting: a
 * stream that fails stays failed, so the script can count it).
 */

export interface SseEvent {
  event: string;
  data: string;
}

export interface EventStream {
  /** The HTTP status of the stream's answer (0: no answer at all). */
  status: number;
  /** Which instance answered (the proxy's `x-dojo-instance`). */
  instance?: string;
  /** The error text of an answer that was not a stream. */
  error?: string;
  /** Resolves when the stream ends (closed by the server, by `close()`, or broken). */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string>, onEvent: (event: SseEvent) => void): Promise<EventStream> {
  const abort = new AbortController();
  let response: Response;
  try {
    // Only the answer's headers are bounded in time: the stream itself lives until closed.
    const headersDeadline = setTimeout(() => abort.abort(new Error('no answer in 30 s')), 30_000);
    response = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: abort.signal }).finally(() => clearTimeout(headersDeadline));
  } catch (error) {
    return { status: 0, error: (error as Error).message, ended: Promise.resolve(), close: () => undefined };
  }
  const instance = response.headers.get('x-dojo-instance') ?? undefined;
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    return { status: response.status, instance, error: text.replace(/\s+/g, ' ').slice(0, 200), ended: Promise.resolve(), close: () => undefined };
  }
  const ended = readEvents(response.body, onEvent).catch(() => undefined); // an abort or a dropped connection ends it
  return { status: response.status, instance, ended, close: () => abort.abort() };
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) onEvent(event);
    }
  }
}

/** One event block: `event:` and `data:` lines; comments (`: keep-alive`) carry nothing. */
function parseBlock(block: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}
