/**
 * Lesson 9, attack 1, over real HTTP: the naive endpoint (the production one
 * minus its Origin/Host guard) answers another site and a rebound host name;
 * the production endpoint answers 403. The "other site" page's own policy is
 * checked, and its script is run against both endpoints by a small stand-in
 * for a browser (a sandboxed frame: `Origin: null`, CORS enforced).
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVENANCE_META_KEY, type Provenance } from '@/lib/mcp/provenance';
import { NAIVE_MCP_PATH, OTHER_SITE_SCRIPT } from '../other-site';
import { OTHER_SITE_PATH } from '../report';
import { OTHER_SITE_MESSAGE_TYPE, type OtherSiteReport } from '../report';
import { secretsIn, startAttackApp, type AttackApp } from './app-harness';

let app: AttackApp;
beforeAll(async () => {
  app = await startAttackApp();
});
afterAll(async () => {
  await app?.close();
});

const LIST_TASKS = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } };

/** The JSON-RPC result of a 2025-era answer (SSE or JSON). */
function resultIn(text: string): { structuredContent?: { tasks: { content: string }[] }; _meta?: Record<string, unknown> } {
  const json = text.trimStart().startsWith('{') ? text : text.split('\n').find((line) => line.startsWith('data:'))!.slice(5);
  return (JSON.parse(json) as { result: never }).result;
}

/**
 * A raw POST over node:http: fetch() sets Host itself, and a rebinding test needs to choose it.
 * Headers as a browser's fetch() of another site sends them.
 */
function post(path: string, headers: Record<string, string>, body: unknown = LIST_TASKS): Promise<Response> {
  const url = new URL(path, app.origin);
  const mcpHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { ...mcpHeaders, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answerHeaders.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers: answerHeaders }));
      });
    });
    sent.on('error', reject);
    sent.end(JSON.stringify(body));
  });
}

describe('the naive endpoint answers anyone; production answers 403', () => {
  it.each([
    ['another site', { origin: 'https://evil.example' }, 'Origin "https://evil.example" is not allowed'],
    ['a sandboxed frame (Origin: null)', { origin: 'null' }, 'Origin "null" is not allowed'],
    ['a rebound DNS name (Host: attacker.example, same-origin to the browser)', { host: 'attacker.example:3000' }, 'Host "attacker.example:3000" is not served here'],
  ])('%s', async (_what, headers, refusal) => {
    const naive = await post(NAIVE_MCP_PATH, headers);
    expect(naive.status).toBe(200);
    expect(naive.headers.get('access-control-allow-origin')).toBe('*');
    const text = await naive.text();
    expect(resultIn(text).structuredContent!.tasks.length).toBeGreaterThan(0);
    expect(secretsIn(text)).toEqual([]);

    const production = await post('/api/mcp', headers);
    expect(production.status).toBe(403);
    expect(production.headers.get('access-control-allow-origin')).toBeNull();
    expect(await production.json()).toMatchObject({ error: { code: -32000, message: `Forbidden: ${refusal}.` } });
  });

  it('a CORS preflight from another site: naive says yes to any origin, production 403', async () => {
    const preflight = { origin: 'null', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,mcp-protocol-version' };
    const naive = await fetch(`${app.origin}${NAIVE_MCP_PATH}`, { method: 'OPTIONS', headers: preflight });
    expect(naive.status).toBe(204);
    expect(naive.headers.get('access-control-allow-origin')).toBe('*');
    expect(naive.headers.get('access-control-allow-headers')).toContain('mcp-protocol-version');
    const production = await fetch(`${app.origin}/api/mcp`, { method: 'OPTIONS', headers: preflight });
    expect(production.status).toBe(403);
  });

  it('whatever it is asked, the naive endpoint serves mock data to an anonymous caller (never a real account, never the learner)', async () => {
    const query = '?backend=real&upstream=standin&learner=x&workspace=mine';
    const naive = await post(`${NAIVE_MCP_PATH}${query}`, {
      cookie: app.learnerCookie(),
      authorization: 'Bearer some-token',
      origin: 'https://evil.example',
    });
    expect(naive.status).toBe(200);
    expect(naive.headers.get('set-cookie')).toBeNull();
    const provenance = resultIn(await naive.text())._meta?.[PROVENANCE_META_KEY] as Provenance;
    expect(provenance).toMatchObject({ backend: 'mock', upstream: 'mock', workspace: 'throwaway' });
    expect(provenance.tenant).toMatch(/^anon-/);
  });
});

describe('the other site (GET /api/security/other-site)', () => {
  it("serves a page whose policy runs only its own script, connects only to this app, stays sandboxed and is framed only by this app's pages", async () => {
    const response = await fetch(`${app.origin}${OTHER_SITE_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(OTHER_SITE_SCRIPT).digest('base64');
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${hash}'`,
      `connect-src ${app.origin}`,
      "style-src 'unsafe-inline'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'self'",
      'sandbox allow-scripts',
    ]);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // The hash is of exactly the script the page carries.
    const html = await response.text();
    expect(inlineScript(html)).toBe(OTHER_SITE_SCRIPT);
  });

  it('refuses a Host this app does not serve (the policy would name it), and anything but GET', async () => {
    const rebound = await post(OTHER_SITE_PATH, { host: 'attacker.example' });
    expect(rebound.status).toBe(403);
    const notGet = await fetch(`${app.origin}${OTHER_SITE_PATH}`, { method: 'POST' });
    expect(notGet.status).toBe(405);
  });

  it('its script reads the naive endpoint and is shown nothing by the production one, and tells the lesson page so', async () => {
    const { message, targetOrigin, requests } = await runInSandboxedFrame(`${app.origin}${OTHER_SITE_PATH}`);
    expect(targetOrigin).toBe(app.origin);
    expect(message.type).toBe(OTHER_SITE_MESSAGE_TYPE);
    const [naive, production] = message.attempts;
    expect(naive).toMatchObject({
      target: 'naive',
      request: { method: 'POST', url: `${app.origin}${NAIVE_MCP_PATH}`, origin: 'null', body: LIST_TASKS },
      response: { status: 200, readable: true },
    });
    expect(naive!.response.taskTitles).toHaveLength(3);
    expect(production).toMatchObject({
      target: 'production',
      request: { url: `${app.origin}/api/mcp`, origin: 'null' },
      response: { readable: false },
    });
    expect(production!.response.status).toBeUndefined();
    expect(production!.response.error).toContain('TypeError');
    // What the server answered the frame's preflight, which the page itself never sees.
    expect(requests).toContainEqual({ method: 'OPTIONS', url: `${app.origin}/api/mcp`, status: 403 });
    expect(secretsIn(JSON.stringify(message))).toEqual([]);
  });
});

function inlineScript(html: string): string {
  return /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
}

/**
 * Runs the page's script the way a sandboxed frame would: every request carries
 * `Origin: null` after a CORS preflight, and an answer without CORS headers
 * allowing it is hidden from the script (a TypeError, as in a browser).
 */
async function runInSandboxedFrame(pageUrl: string) {
  const html = await (await fetch(pageUrl)).text();
  const requests: { method: string; url: string; status: number }[] = [];
  const allowed = (response: Response) => ['*', 'null'].includes(response.headers.get('access-control-allow-origin') ?? '');
  const frameFetch = async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'null', 'access-control-request-method': 'POST', 'access-control-request-headers': [...headers.keys()].join(',') },
    });
    requests.push({ method: 'OPTIONS', url, status: preflight.status });
    if (!preflight.ok || !allowed(preflight)) throw new TypeError('Failed to fetch');
    headers.set('origin', 'null');
    const response = await fetch(url, { ...init, headers });
    requests.push({ method: 'POST', url, status: response.status });
    if (!allowed(response)) throw new TypeError('Failed to fetch');
    return response;
  };
  let report: (value: { message: OtherSiteReport; targetOrigin: string }) => void = () => undefined;
  const posted = new Promise<{ message: OtherSiteReport; targetOrigin: string }>((resolve) => (report = resolve));
  const status = { textContent: '' };
  const frame = vm.createContext({
    fetch: frameFetch,
    location: { href: pageUrl, origin: new URL(pageUrl).origin },
    self: { origin: 'null' },
    document: { getElementById: () => status },
    parent: { postMessage: (message: OtherSiteReport, targetOrigin: string) => report({ message, targetOrigin }) },
    URL,
  });
  vm.runInContext(inlineScript(html), frame);
  return { ...(await posted), requests };
}
