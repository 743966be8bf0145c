/**
 * An oversized `initialize`: a valid JSON-RPC request whose params carry a padding string of `bytes` bytes,
 * streamed in 64 KiB chunks (never held in memory whole). A capped server answers 413 early and may hang up
 * before the body is sent; that counts as refused, not as an error.
 */
import { request } from 'node:http';

export interface BigBodyResult {
  status: number | undefined;
  /** Bytes written before the server answered (or hung up). */
  bytesSent: number;
  answer: string;
  error?: string;
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');

export function postBigInitialize(endpoint: URL, bytes: number, framing: 'content-length' | 'chunked'): Promise<BigBodyResult> {
  const head = Buffer.from(
    JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'dojo-load', version: '1' }, padding: '' },
    }).replace(/"padding":""}}$/, '"padding":"'),
  );
  const tail = Buffer.from('"}}');
  const paddingBytes = Math.max(0, bytes - head.length - tail.length);
  const total = head.length + paddingBytes + tail.length;

  return new Promise((resolve) => {
    let bytesSent = 0;
    let answered = false; // the server answered: stop sending
    let settled = false;
    const finish = (result: Omit<BigBodyResult, 'bytesSent'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, bytesSent });
    };
    const req = request(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(framing === 'content-length' ? { 'content-length': String(total) } : {}),
      },
      timeout: 120_000,
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < 2_000) chunks.push(chunk);
        kept += chunk.length;
      });
      const done = () => {
        finish({ status: res.statusCode, answer: Buffer.concat(chunks).toString().slice(0, 300) });
        req.destroy(); // whatever is left of the body is not sent
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
      setTimeout(done, 10_000).unref(); // a streamed answer that does not end: what came so far is enough
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 120 s')));
    req.on('error', (error) => finish({ status: undefined, answer: '', error: error.message }));

    const write = (chunk: Buffer) =>
      new Promise<boolean>((proceed) => {
        if (answered || settled || req.destroyed) return proceed(false);
        bytesSent += chunk.length;
        if (req.write(chunk)) return proceed(true);
        const onDrain = () => (req.off('close', onClose), proceed(true));
        const onClose = () => (req.off('drain', onDrain), proceed(false));
        req.once('drain', onDrain);
        req.once('close', onClose);
      });

    void (async () => {
      if (!(await write(head))) return;
      for (let left = paddingBytes; left > 0; left -= CHUNK.length) {
        if (!(await write(left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left)))) return;
      }
      if (!(await write(tail))) return;
      req.end();
    })();
  });
}
