/**
 * The smallest load balancer: each request goes to the next instance in
 * turn, with no stickiness, streamed both ways (so SSE and MCP streams pass
 * through). The Host header is kept, as a real proxy does, so the app sees
 * one public origin whichever instance answers. Each answer says which
 * instance served it (`x-dojo-instance: <index>`), and `hits` counts them.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RoundRobinProxy {
  origin: string;
  /** Requests each instance received through the proxy. */
  hits: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const hits = targets.map(() => 0);
  let next = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = next;
    next = (next + 1) % targets.length;
    hits[index]! += 1;
    const target = new URL(targets[index]!);
    const upstream = httpRequest(
      { hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-dojo-instance': String(index) });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain', 'x-dojo-instance': String(index) });
      outgoing.end(`The proxy could not reach instance ${index}: ${error.message}`);
    });
    // The client went away (a closed stream): let the instance see it too.
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
