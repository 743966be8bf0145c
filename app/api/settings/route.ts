/**
 * The settings endpoint: GET reports each setting's masked value and source,
 * POST saves the token or base URL from the settings page. See lib/config/settings-endpoint.
 */
import { handleSettingsGet, handleSettingsPost } from '@/lib/config/settings-endpoint';

export const runtime = 'nodejs';
// Read per request, so a saved value or a changed file shows up without a restart.
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handleSettingsGet(request);
}

export function POST(request: Request): Promise<Response> {
  return handleSettingsPost(request);
}
