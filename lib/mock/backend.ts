/**
 * A mock Todoist backend: one dataset, one scenario, its own state.
 *
 * `createMockBackend()` is what the MCP server and the tests use. Each
 * instance has its own store, cursors and fault counters, so two sessions
 * never share state; `transport` plugs straight into TodoistClient.
 */
import type { RequestHandler } from 'msw';
import type { Transport } from '@/lib/todoist/transport';
import { generateDataset, type Dataset, type DatasetSize } from './dataset';
import { createFaultHandlers, type FaultState } from './faults';
import { createApiHandlers } from './handlers';
import { createNaiveHandlers } from './naive';
import { createRandom } from './random';
import { scenarioSettings, type ScenarioInput, type ScenarioName, type ScenarioSettings } from './scenarios';
import { MockStore } from './store';
import { createMockTransport } from './transport';

export interface MockBackendOptions {
  size?: DatasetSize;
  seed?: number;
  scenario?: ScenarioName | ScenarioInput;
  /** When set, requests must carry exactly this bearer token (else any token is accepted). */
  token?: string;
  /** The mock's clock; dates in the dataset are relative to its "today". */
  now?: () => Date;
}

let instanceCounter = 0;

export class MockBackend implements FaultState {
  readonly size: DatasetSize;
  readonly seed: number;
  readonly token: string | undefined;
  readonly cursorSecret: string;
  readonly handlers: RequestHandler[];
  readonly transport: Transport;
  readonly faultCounters = { windowStart: 0, windowRequests: 0, pageFailures: 0 };
  store: MockStore;
  #scenario: ScenarioSettings;
  #random: () => number;
  #canned: Dataset | undefined;
  readonly #clock: () => Date;

  constructor(options: MockBackendOptions = {}) {
    this.size = options.size ?? 'small';
    this.seed = options.seed ?? 1;
    this.token = options.token;
    this.#clock = options.now ?? (() => new Date());
    instanceCounter += 1;
    this.cursorSecret = `mock-${instanceCounter}-${this.seed}`;
    this.#scenario = scenarioSettings(options.scenario ?? 'faithful');
    this.#random = createRandom(this.seed).next;
    this.store = this.#freshStore();

    const api = createApiHandlers(this);
    this.handlers = [
      ...createNaiveHandlers(
        () => this.#scenario.name === 'naive',
        () => this.#cannedDataset(),
      ),
      ...createFaultHandlers(this, api),
      ...api,
    ];
    this.transport = createMockTransport(this.handlers);
  }

  get scenario(): ScenarioSettings {
    return this.#scenario;
  }

  /** Switches scenario at runtime; fault counters start over. */
  setScenario(input: ScenarioName | ScenarioInput): ScenarioSettings {
    this.#scenario = scenarioSettings(input);
    this.#resetCounters();
    return this.#scenario;
  }

  /** Back to the generated dataset: every write undone, counters cleared. */
  reset(): void {
    this.store = this.#freshStore();
    this.#random = createRandom(this.seed).next;
    this.#resetCounters();
  }

  now(): number {
    return this.#clock().getTime();
  }

  random(): number {
    return this.#random();
  }

  #freshStore(): MockStore {
    const today = this.#clock().toISOString().slice(0, 10);
    return new MockStore(generateDataset({ size: this.size, seed: this.seed, today }), this.#clock);
  }

  /** The story's fixed 12 todos, whatever size this backend serves. */
  #cannedDataset(): Dataset {
    this.#canned ??= generateDataset({ size: 'tiny', seed: 1, today: this.store.today() });
    return this.#canned;
  }

  #resetCounters(): void {
    Object.assign(this.faultCounters, { windowStart: this.now(), windowRequests: 0, pageFailures: 0 });
  }
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  return new MockBackend(options);
}
