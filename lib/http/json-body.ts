/**
 * A request's JSON body, read with a cap before anything parses it: the
 * value, or the response to answer instead — 413 naming the limit, or 400.
 * Neither quotes the body (it may hold a token), and neither is a parser's
 * raw message.
 */
import { readBodyCapped } from './read-body';

export type JsonBody = { value: unknown } | { refusal: Response };

/** `what` names the request in the 413, e.g. "a settings change". */
export async function readJsonBody(request: Request, maxBytes: number, what: string): Promise<JsonBody> {
  const read = await readBodyCapped(request, maxBytes);
  if ('tooLarge' in read) {
    return { refusal: refuse(413, `The request body is too large: ${what} takes at most ${maxBytes.toLocaleString('en-US')} bytes.`) };
  }
  try {
    return { value: JSON.parse(new TextDecoder().decode(read.bytes)) };
  } catch {
    return { refusal: refuse(400, 'The request body is not valid JSON.') };
  }
}

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}
