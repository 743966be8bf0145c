/**
 * POST /api/webhooks/todoist — where Todoist (or the stand-in) delivers
 * signed webhooks. Verification, dedupe and the account lookup are in
 * lib/realtime/webhook-receiver.ts; the refresh of each tenant's replica and
 * the notifications (lib/realtime/webhook-trigger.ts) run after the answer
 * (Next's `after`), so Todoist gets its 200 at once.
 */
import { after } from 'next/server';
import { createWebhookEndpoint } from '@/lib/realtime/webhook-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let receive: ((request: Request) => Promise<Response>) | undefined;

export function POST(request: Request): Promise<Response> {
  // Built on the first delivery, not at import: the build imports routes without the server's environment.
  receive ??= createWebhookEndpoint({ defer: after });
  return receive(request);
}
