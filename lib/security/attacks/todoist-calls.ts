/**
 * The naive servers' one call to Todoist (always the app's stand-in here),
 * and a recorder that lets a demo show that call: who sent it, with which
 * token (redacted), and what Todoist answered.
 */
import type { DemoExchange } from './report';
import { redactedBearer, showToken } from './redact';

const SHOWN_TASKS = 3;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface TaskListing {
  status: number;
  titles: string[];
  /** Todoist's error text, when it refused. */
  error?: string;
}

/** GET <apiBase>/tasks with `authorization` as given: the first few titles, or Todoist's refusal. */
export async function listTaskTitles(apiBase: string, authorization: string, fetchImpl: typeof fetch): Promise<TaskListing> {
  const response = await fetchImpl(`${apiBase}/tasks?limit=${SHOWN_TASKS}`, { headers: { authorization, accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as { results?: { content?: unknown }[]; error?: unknown } | undefined;
  if (!response.ok) return { status: response.status, titles: [], error: typeof body?.error === 'string' ? body.error : `HTTP ${response.status}` };
  return { status: response.status, titles: (body?.results ?? []).slice(0, SHOWN_TASKS).map((task) => String(task.content)) };
}

/** The demos' naive servers call the stand-in on loopback and nothing else: never a real Todoist account. */
export function assertStandinApiBase(apiBase: string): void {
  const url = new URL(apiBase);
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    throw new Error("The naive demo servers call the app's Todoist stand-in on loopback only, never a real Todoist account.");
  }
}

/** A `fetch` that notes each request a naive server sends upstream; `take(step)` hands them over as DemoExchanges. */
export function recordingFetch(from: string): { fetch: typeof fetch; take(step: string): DemoExchange[] } {
  let recorded: Omit<DemoExchange, 'step'>[] = [];
  const recorder: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const body = (await response.clone().json().catch(() => undefined)) as { error?: unknown } | undefined;
    recorded.push({
      from,
      to: 'the Todoist stand-in (this app’s, on loopback)',
      request: { method: request.method, url: request.url, headers: { ...(token && { Authorization: redactedBearer(token) }) } },
      ...(token && { token: showToken(token) }),
      response: {
        status: response.status,
        headers: { 'Content-Type': response.headers.get('content-type') ?? '' },
        summary: response.ok ? `${response.status}: Todoist served the account's tasks to this server.` : `${response.status}: Todoist refused the token.`,
        ...(!response.ok && typeof body?.error === 'string' && { error: body.error }),
      },
    });
    return response;
  };
  return {
    fetch: recorder,
    take(step) {
      const taken = recorded.map((exchange) => ({ step, ...exchange }));
      recorded = [];
      return taken;
    },
  };
}
