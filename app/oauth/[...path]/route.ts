/**
 * The authorization server's endpoints (/oauth/authorize, callback, token,
 * register, revoke, disconnect): a thin mount of the framework-free handler
 * in lib/auth/authorization-server.ts.
 */
import { getAuthorizationServer } from '@/lib/auth/app-server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return (await getAuthorizationServer().fetch(request)) ?? Response.json({ error: 'not_found' }, { status: 404 });
}

export { handle as GET, handle as POST, handle as OPTIONS };
