/**
 * Reads a request body with a size cap, before anything parses it: a client
 * that sends 100 MB gets a 413 after the first MiB, not 100 MB of our memory.
 * A Content-Length over the cap is refused without reading at all.
 */
export type CappedBody = { bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true };

export async function readBodyCapped(request: Request, maxBytes: number): Promise<CappedBody> {
  const bytes = await readCapped(request, maxBytes);
  return bytes ? { bytes } : { tooLarge: true };
}

/**
 * The body of a request or a response, or `undefined` when it is larger than
 * `maxBytes` (by its Content-Length, or as it streams in: reading stops there,
 * and the rest is never buffered).
 */
export async function readCapped(message: Request | Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(message.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void message.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!message.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = message.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a teed stream (a cloned Request, as MSW hands its handlers) settles its cancel only
      // once its twin is cancelled too — possibly never. Reading has stopped either way.
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
