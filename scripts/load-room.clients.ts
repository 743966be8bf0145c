/**
 * What one simulated workshop participant sends, through the cluster's proxy:
 * the room routes (as a page of this app would: the learner cookie, our
 * Origin, JSON) and the lesson demo's MCP calls (a 2026-07-28 client with the
 * learner id in the endpoint URL, as the lesson panel's client does).
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { issueLearnerId } from '../lib/identity/learner';
import { mcpEndpoint } from './load.clients';
import { openEventStream, type EventStream, type SseEvent } from './load-room.sse';

const REQUEST_TIMEOUT_MS = 30_000;

/** Lesson 4's `under-a-fault` demo, as its panel runs it (lessons/04-fallback/meta.ts). */
export const DEMO = {
  lesson: 'fallback',
  demo: 'under-a-fault',
  tool: 'get_overview',
  query: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', workspace: 'panel-under-a-fault' },
} as const;

export interface RoomAnswer<T> {
  status: number;
  /** The parsed JSON body when the answer was 2xx. */
  body?: T;
  /** Why it failed: the body's `error`, or the transport's message (status 0). */
  error?: string;
  /** Which instance answered (the proxy's `x-dojo-instance`). */
  instance?: string;
}

/** One participant: a learner id signed with the cluster's shared secret, as GET /api/learner would issue. */
export class Participant {
  readonly learnerId: string;

  constructor(
    readonly origin: string,
    secret: string,
  ) {
    this.learnerId = issueLearnerId(Buffer.from(secret));
  }

  get #cookie() {
    return { cookie: `dojo-learner=${this.learnerId}` };
  }

  async post<T>(path: string, body: unknown): Promise<RoomAnswer<T>> {
    return this.#request<T>(path, {
      method: 'POST',
      headers: { ...this.#cookie, origin: this.origin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async get<T>(path: string): Promise<RoomAnswer<T>> {
    return this.#request<T>(path, { headers: this.#cookie });
  }

  events(path: string, onEvent: (event: SseEvent) => void): Promise<EventStream> {
    return openEventStream(`${this.origin}${path}`, this.#cookie, onEvent);
  }

  async #request<T>(path: string, init: RequestInit): Promise<RoomAnswer<T>> {
    try {
      const response = await fetch(`${this.origin}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const instance = response.headers.get('x-dojo-instance') ?? undefined;
      const text = await response.text();
      if (response.ok) return { status: response.status, body: JSON.parse(text) as T, instance };
      const error = (() => {
        try {
          return String((JSON.parse(text) as { error?: unknown }).error ?? text);
        } catch {
          return text;
        }
      })();
      return { status: response.status, error: error.replace(/\s+/g, ' ').slice(0, 200), instance };
    } catch (error) {
      return { status: 0, error: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 200) };
    }
  }
}

/** What the demo's answer was, from its provenance (`_meta["dojo/provenance"]`). */
export interface DemoOutcome {
  isError: boolean;
  /** The first line of the answer's text. */
  firstLine: string;
  /** The workspace that served it: `panel-under-a-fault@room-<code>-g<n>` inside the room. */
  workspace?: string;
  scenario?: string;
  source?: 'live' | 'cache';
  degraded?: boolean;
}

export interface DemoClient {
  run(): Promise<DemoOutcome>;
  close(): Promise<void>;
}

export async function connectDemoClient(origin: string, learnerId: string): Promise<DemoClient> {
  const endpoint = mcpEndpoint(origin, { ...DEMO.query, learner: learnerId });
  const client = new Client({ name: 'dojo-load-room', version: '1' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(new StreamableHTTPClientTransport(endpoint), { timeout: REQUEST_TIMEOUT_MS });
  return {
    run: async () => {
      const result = await client.callTool({ name: DEMO.tool, arguments: {} }, { timeout: REQUEST_TIMEOUT_MS });
      const provenance = (result._meta?.['dojo/provenance'] ?? {}) as Partial<Pick<DemoOutcome, 'workspace' | 'scenario' | 'source' | 'degraded'>>;
      const text = Array.isArray(result.content) ? result.content.find((part) => part.type === 'text') : undefined;
      return {
        isError: result.isError === true,
        firstLine: (text && 'text' in text ? String(text.text) : '').split('\n')[0]!.slice(0, 200),
        workspace: provenance.workspace,
        scenario: provenance.scenario,
        source: provenance.source,
        degraded: provenance.degraded,
      };
    },
    close: () => client.close(),
  };
}

/** The one sentence a learner's panel reports to the room after a run. */
export function observation(outcome: DemoOutcome): { summary: string; ok: boolean } {
  if (outcome.isError) return { summary: `An honest error: ${outcome.firstLine}`.slice(0, 400), ok: false };
  const source = outcome.source === 'cache' ? 'the last good answer, labelled stale' : 'a live answer';
  return { summary: `${source} (scenario ${outcome.scenario ?? '?'})${outcome.degraded ? ', degraded' : ''}`, ok: !outcome.degraded };
}
