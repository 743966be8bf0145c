/**
 * The Todoist stand-in on the app's own origin: where the browser signs in
 * "with Todoist" when there is no real Todoist (`/standin/oauth/authorize`).
 * Same handler and StateStore as the loopback stand-in the server calls, so a
 * code the browser gets here is redeemed there. See lib/mcp/http/builtin-standin.ts.
 */
import { serverSecret } from '@/lib/identity/learner';
import { builtinStandinHandler, servedUnder } from '@/lib/mcp/http/builtin-standin';
import { STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { getStateStore } from '@/lib/state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The secret and store are read per request, as the rest of the app does (DOJO_SECRET may be set late in dev).
const handle = servedUnder(STANDIN_MOUNT_PATH, (request) => builtinStandinHandler(getStateStore(), serverSecret())(request));

export { handle as GET, handle as POST };
