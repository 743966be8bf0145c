/**
 * POST /oauth/register — Dynamic Client Registration (RFC 7591) for MCP
 * clients from before Client ID Metadata Documents. Public clients only.
 */
import { readBodyCapped } from '@/lib/http/read-body';
import { registerClient } from './clients';
import type { AuthContext } from './context';
import { jsonResponse, oauthErrorResponse } from './responses';

const MAX_BODY_BYTES = 16 * 1024;

export async function handleRegister(ctx: AuthContext, request: Request): Promise<Response> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return oauthErrorResponse(400, 'invalid_client_metadata', 'The body must be application/json.');
  }
  const body = await readBodyCapped(request, MAX_BODY_BYTES);
  if ('tooLarge' in body) return oauthErrorResponse(413, 'invalid_client_metadata', 'The registration body is too large.');
  let metadata: unknown;
  try {
    metadata = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return oauthErrorResponse(400, 'invalid_client_metadata', 'The body is not valid JSON.');
  }
  const result = await registerClient(ctx.store, metadata, ctx.now());
  if ('error' in result) return oauthErrorResponse(400, result.error, result.description);
  return jsonResponse(result.answer, 201);
}
