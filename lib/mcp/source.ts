/**
 * Where a request's Todoist data comes from: the mock (a MockBackend over the
 * caller's own workspace, so callers never share state) or real HTTP — to the
 * Todoist API with the configured token, or to the app's Todoist stand-in
 * (token and base URL resolved at call time, so a changed setting applies).
 */
import { TodoistClient, type RequestExecutor } from '@/lib/todoist/client';
import { createRealTransport, type Transport } from '@/lib/todoist/transport';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import type { DatasetSize } from '@/lib/mock/dataset';
import type { ScenarioInput, ScenarioName } from '@/lib/mock/scenarios';
import type { CallRecorder } from './provenance';

export type BackendKind = 'mock' | 'real';

/** Who actually answered: the in-process mock, the app's Todoist stand-in over HTTP, or Todoist itself. */
export type Upstream = 'mock' | 'standin' | 'todoist';

export interface RealConfig {
  token: string | undefined;
  baseUrl: string;
  /** `standin` when the base URL is this app's own stand-in (sample data); `todoist` otherwise. */
  upstream?: Exclude<Upstream, 'mock'>;
  /** A sentence naming the three ways to provide a token and where we looked. */
  whereToSetToken: string;
}

/** Real mode without a token: say exactly that, and where we looked. Never fall back to mock. */
export class MissingTokenError extends Error {
  constructor(whereToSetToken: string) {
    super(`No Todoist API token is configured, so the real Todoist cannot be read. ${whereToSetToken}`);
    this.name = 'MissingTokenError';
  }
}

export interface TodoistSource {
  readonly kind: BackendKind;
  /** Mock only: the scenario in force, for provenance. */
  readonly scenario?: string;
  /** Mock only: the session's own mock backend (lessons switch its scenario). */
  readonly mock?: MockBackend;
  /** A client whose every HTTP request is counted on `recorder`, run through `execute` (resilience) if given. */
  client(recorder: CallRecorder, options?: ClientCallOptions): Promise<TodoistClient>;
}

export interface ClientCallOptions {
  execute?: RequestExecutor;
  timeoutMs?: number;
}

export interface MockSourceOptions {
  /** Use this backend instead of creating one (tests, and lessons that switch its scenario). */
  backend?: MockBackend;
  scenario?: ScenarioName | ScenarioInput;
  size?: DatasetSize;
  seed?: number;
  now?: () => Date;
}

export function createMockSource(options: MockSourceOptions = {}): TodoistSource {
  const mock =
    options.backend ??
    createMockBackend({ size: options.size ?? 'small', seed: options.seed, scenario: options.scenario, now: options.now });
  return {
    kind: 'mock',
    mock,
    get scenario() {
      return mock.scenario.name;
    },
    client: async (recorder, call = {}) => {
      recorder.upstream = 'mock';
      return new TodoistClient({ transport: counting(mock.transport, recorder), token: 'mock-token', ...call });
    },
  };
}

export interface RealSourceOptions {
  loadConfig: () => Promise<RealConfig>;
  transport?: Transport;
  timeoutMs?: number;
}

export function createRealSource(options: RealSourceOptions): TodoistSource {
  const transport = options.transport ?? createRealTransport();
  return {
    kind: 'real',
    client: async (recorder, call = {}) => {
      const config = await options.loadConfig();
      recorder.upstream = config.upstream ?? 'todoist';
      if (!config.token) throw new MissingTokenError(config.whereToSetToken);
      return new TodoistClient({
        transport: counting(transport, recorder),
        token: config.token,
        baseUrl: config.baseUrl,
        timeoutMs: options.timeoutMs,
        ...call,
      });
    },
  };
}

/** Counts requests and the bytes of each response body, without consuming it. */
function counting(transport: Transport, recorder: CallRecorder): Transport {
  return async (request) => {
    recorder.requests += 1;
    const response = await transport(request);
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > 0) recorder.bytes += length;
    else if (response.body) recorder.bytes += (await response.clone().arrayBuffer()).byteLength;
    return response;
  };
}
