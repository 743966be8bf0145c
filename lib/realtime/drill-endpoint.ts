/**
 * POST /api/realtime/drill {"case":"duplicate"} — runs one case of lesson 8's
 * receiver drill (./drill.ts) and answers what each receiver ended up
 * believing. It reads and writes nobody's data (a fresh mock account per run),
 * but it is work on the server: only this app's own pages may ask, as JSON.
 */
import { readJsonBody } from '@/lib/http/json-body';
import { checkOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { stateChangeRefusal } from '@/lib/mcp/http/workspace-endpoint';
import { DRILL_CASES, runDrill, type DrillCase } from './drill';

export async function handleDrillRequest(request: Request, secret: Buffer, policy: OriginPolicy = originPolicyFromEnv()): Promise<Response> {
  const refusal = checkOrigin(request, policy) ?? stateChangeRefusal(request, policy);
  if (refusal) return Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 });
  const body = await readJsonBody(request, 1024, 'a drill');
  if ('refusal' in body) return body.refusal;
  const which = (body.value as { case?: unknown } | null)?.case;
  if (!DRILL_CASES.includes(which as DrillCase)) {
    return Response.json({ error: `case must be one of: ${DRILL_CASES.join(', ')}.` }, { status: 400 });
  }
  return Response.json(await runDrill(which as DrillCase, secret), { headers: { 'Cache-Control': 'no-store' } });
}
