/**
 * For endpoints that take no input at all: a query parameter is refused by
 * name (400) rather than ignored, so nobody mistakes one for a way to change
 * what the endpoint runs.
 */
import { z } from 'zod';

const NoParameters = z.strictObject({});

/** A 400 naming the parameters, or `undefined` when there are none. */
export function refuseParameters(request: Request): Response | undefined {
  const params = new URL(request.url).searchParams;
  if (NoParameters.safeParse(Object.fromEntries(params)).success) return undefined;
  const names = [...new Set(params.keys())].sort().map((name) => `"${name}"`);
  return Response.json(
    { error: `This endpoint takes no parameters (it always does the same thing): remove ${names.join(', ')}.` },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}
