/**
 * Lesson 9, attack 1 — "another site": GET /api/security/other-site, a tiny
 * page the lesson loads in `<iframe sandbox="allow-scripts">`. The sandbox
 * gives it an opaque origin, so to the browser it is truly another site: its
 * requests to this app are cross-origin and carry `Origin: null`, and it
 * gets no cookie of ours. Its one script POSTs `tools/call list_tasks` to the
 * naive endpoint and to the production one, then tells the lesson page
 * (postMessage) what it sent and what it could read back.
 *
 * Its Content-Security-Policy runs exactly that script (by its hash, not
 * 'unsafe-inline'), lets it connect to this app only, keeps it sandboxed even
 * if it is opened without the iframe, and lets only this app's own pages frame it.
 */
import { createHash } from 'node:crypto';
import { checkOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { publicOrigin } from '@/lib/http/public-origin';
import { OTHER_SITE_MESSAGE_TYPE } from './report';

export const NAIVE_MCP_PATH = '/api/security/naive-mcp';
export const PRODUCTION_MCP_PATH = '/api/mcp';

/**
 * The page's only script. Relative URLs: they resolve against the page's
 * address (this app), whatever its opaque origin. Builds an OtherSiteReport (./report.ts).
 */
export const OTHER_SITE_SCRIPT = `
const CALL = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } };
const TARGETS = [['naive', '${NAIVE_MCP_PATH}'], ['production', '${PRODUCTION_MCP_PATH}']];

function messageIn(text) {
  const json = text.trimStart().startsWith('{') ? [text] : text.split('\\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5));
  for (const candidate of json) {
    try { const message = JSON.parse(candidate); if (message.id === CALL.id) return message; } catch {}
  }
  return undefined;
}

async function attempt([target, path]) {
  const url = new URL(path, location.href).href;
  const request = { method: 'POST', url, origin: String(self.origin), body: CALL };
  try {
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify(CALL),
    });
    const message = messageIn(await answer.text());
    const tasks = message && message.result && message.result.structuredContent && message.result.structuredContent.tasks;
    const response = { status: answer.status, readable: true };
    if (Array.isArray(tasks)) response.taskTitles = tasks.slice(0, 3).map((task) => String(task.content));
    if (message && message.error) response.error = String(message.error.message);
    return { target, request, response };
  } catch (error) {
    const seen = error && error.name ? error.name + ': ' + error.message : 'the request failed';
    return { target, request, response: { readable: false, error: 'The browser showed this page nothing (' + seen + ').' } };
  }
}

(async () => {
  const attempts = [];
  for (const target of TARGETS) attempts.push(await attempt(target));
  document.getElementById('status').textContent = 'Done: reported ' + attempts.length + ' attempts to the lesson.';
  parent.postMessage({ type: '${OTHER_SITE_MESSAGE_TYPE}', attempts }, location.origin);
})();
`;

const SCRIPT_HASH = `'sha256-${createHash('sha256').update(OTHER_SITE_SCRIPT).digest('base64')}'`;

export function otherSitePolicy(appOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src ${SCRIPT_HASH}`,
    `connect-src ${appOrigin}`,
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox allow-scripts',
  ].join('; ');
}

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Another site</title></head>
<body style="font: 14px system-ui, sans-serif; margin: 8px">
<p><strong>another-site.example</strong> (a sandboxed frame: its origin is opaque, its requests say <code>Origin: null</code>)</p>
<p id="status">Calling the naive and the production MCP endpoints…</p>
<script>${OTHER_SITE_SCRIPT}</script>
</body>
</html>
`;

export function handleOtherSiteRequest(request: Request, policy: OriginPolicy = originPolicyFromEnv()): Response {
  // The page names this app's origin in its policy: only for a Host we serve.
  const refusal = checkOrigin(request, policy);
  if (refusal) return Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return Response.json({ error: 'Use GET: this is a page.' }, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  return new Response(request.method === 'HEAD' ? null : PAGE, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': otherSitePolicy(publicOrigin(request)),
      // For browsers without frame-ancestors; the app's default (DENY) would keep the lesson from framing it.
      'X-Frame-Options': 'SAMEORIGIN',
      'Cache-Control': 'no-store',
    },
  });
}
