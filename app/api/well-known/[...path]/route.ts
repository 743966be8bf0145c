/**
 * OAuth discovery documents. Browsers and MCP clients ask for
 * /.well-known/oauth-authorization-server and
 * /.well-known/oauth-protected-resource/api/mcp; the app router does not
 * route dot-folders, so next.config.ts rewrites /.well-known/* here, and we
 * rebuild the original URL before handing it to the authorization server.
 */
import { getAuthorizationServer } from '@/lib/auth/app-server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ path: string[] }>;
}

async function handle(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  const url = new URL(request.url);
  url.pathname = `/.well-known/${path.map(encodeURIComponent).join('/')}`;
  const original = new Request(url, { method: request.method, headers: request.headers });
  return (await getAuthorizationServer().fetch(original)) ?? Response.json({ error: 'not_found' }, { status: 404 });
}

export { handle as GET, handle as HEAD, handle as OPTIONS };
