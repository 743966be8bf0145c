/**
 * For endpoints that take no input (or only the few query parameters they
 * name): any other parameter is refused by name (400) rather than ignored,
 * so nobody mistakes one for a way to change what the endpoint does.
 */
import { z } from 'zod';

/** A 400 naming the parameters not in `allowed`, or `undefined` when there are none. */
export function refuseParameters(request: Request, allowed: readonly string[] = []): Response | undefined {
  const params = new URL(request.url).searchParams;
  const known = z.strictObject(Object.fromEntries(allowed.map((name) => [name, z.string().optional()])));
  if (known.safeParse(Object.fromEntries(params)).success) return undefined;
  const names = [...new Set(params.keys())].filter((name) => !allowed.includes(name)).sort().map((name) => `"${name}"`);
  const takes = allowed.length ? `takes only ${allowed.map((name) => `"${name}"`).join(', ')}` : 'takes no parameters (it always does the same thing)';
  return Response.json({ error: `This endpoint ${takes}: remove ${names.join(', ')}.` }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
}
