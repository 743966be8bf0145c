/**
 * A large request body, streamed in 1 KiB chunks without a Content-Length, that
 * counts what was read: an endpoint with a cap stops after about the cap, one
 * without reads it all.
 */
export function countedBody(totalBytes: number): { init: RequestInit; bytesRead: () => number } {
  const chunk = new Uint8Array(1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  // Node's fetch needs `duplex: 'half'` for a streamed body.
  return { init: { body, duplex: 'half' } as RequestInit, bytesRead: () => sent };
}
