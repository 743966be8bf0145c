/**
 * A mock Todoist backend: one dataset, one scenario, one workspace's state.
 *
 * `createMockBackend()` is what the MCP server and the tests use. The data is
 * the shared generated dataset under the workspace's own changes; everything
 * the backend remembers (writes, scenario, fault counters, ids, the cursor
 * secret) lives in `state`, a plain JSON object. Build a backend per request
 * over a stored state and it carries on where the last one stopped; build one
 * without a state and it makes its own, so two backends never share anything.
 * `transport` plugs straight into TodoistClient.
 *
 * The workspace is one Todoist account: its own user id (account.ts), its own
 * change sequence for Sync, and, when registered, its own webhook. Webhook
 * events wait in memory until the owner has stored the state and takes them
 * (`takeWebhookOutbox`).
 */
import type { RequestHandler } from 'msw';
import type { Transport } from '@/lib/todoist/transport';
import { accountView, type AccountIdentity, type AccountView } from './account';
import type { DatasetSize, MockUser } from './dataset';
import { createFaultHandlers, type FaultState } from './faults';
import { createApiHandlers } from './handlers';
import { createNaiveHandlers } from './naive';
import { randomStep } from './random';
import { scenarioSettings, type ScenarioInput, type ScenarioName, type ScenarioSettings } from './scenarios';
import { cannedDataset } from './shared-dataset';
import { MockStore } from './store';
import { createMockTransport } from './transport';
import type { PendingWebhooks, WebhookRegistration } from './webhook-outbox';
import {
  freshCounters,
  mintUserId,
  newMockWorkspaceState,
  type FaultCounters,
  type MockWorkspaceState,
} from './workspace-state';

export interface MockBackendOptions {
  size?: DatasetSize;
  seed?: number;
  /**
   * Without `state`: the new workspace's scenario. With `state`: this backend's
   * scenario only (a request's own choice), leaving the workspace's switched
   * scenario as it is; `setScenario` switches the workspace's.
   */
  scenario?: ScenarioName | ScenarioInput;
  /** When set, requests must carry exactly this bearer token (else any token is accepted). */
  token?: string;
  /** The mock's clock; dates in the dataset are relative to its "today". */
  now?: () => Date;
  /** The workspace to serve, read and written in place. Without it the backend makes its own. */
  state?: MockWorkspaceState;
  /** Who the account is, when not the workspace's own id (a stand-in sample account: its id, name and email). */
  account?: AccountIdentity;
  /** The token's OAuth scopes, when it has some: Sync commands check theirs one by one. Unset = everything. */
  scopes?: readonly string[];
}

/**
 * Which backend a request is for. The MSW handlers are built once for all
 * backends (building them costs about a millisecond, too much per request);
 * a backend's transport tags each request it answers, and the handlers look
 * the tag up. Entries go away with their requests.
 */
const backendOfRequest = new WeakMap<Request, MockBackend>();

function backendFor(request: Request): MockBackend {
  const backend = backendOfRequest.get(request);
  if (!backend) throw new Error('The mock handlers answered a request no MockBackend sent');
  return backend;
}

/** The naive layer, the fault layer, then the faithful API: first answer wins. */
function createHandlers(stateFor: (request: Request) => MockBackend): RequestHandler[] {
  const api = createApiHandlers(stateFor);
  return [
    ...createNaiveHandlers(
      (request) => stateFor(request).scenario.name === 'naive',
      (request) => cannedDataset(stateFor(request).store.today()),
    ),
    ...createFaultHandlers(stateFor, api),
    ...api,
  ];
}

let sharedTransport: Transport | undefined;

export class MockBackend implements FaultState {
  readonly size: DatasetSize;
  readonly seed: number;
  readonly token: string | undefined;
  readonly scopes: readonly string[] | undefined;
  /** Everything this backend remembers, as plain data: store it between requests. */
  readonly state: MockWorkspaceState;
  readonly store: MockStore;
  readonly transport: Transport;
  #handlers: RequestHandler[] | undefined;
  #requestScenario: ScenarioSettings | undefined;
  readonly #clock: () => Date;
  readonly #identity: AccountIdentity | undefined;

  constructor(options: MockBackendOptions = {}) {
    this.size = options.size ?? 'small';
    this.seed = options.seed ?? 1;
    this.token = options.token;
    this.scopes = options.scopes;
    this.#clock = options.now ?? (() => new Date());
    this.#identity = options.account;
    if (options.state) {
      this.state = options.state;
      this.#requestScenario = options.scenario === undefined ? undefined : scenarioSettings(options.scenario);
    } else {
      this.state = newMockWorkspaceState({ scenario: options.scenario });
    }
    // A state stored before accounts had ids gets one now (and keeps it: the state is stored after the request).
    this.state.userId ??= mintUserId();
    this.store = new MockStore({ size: this.size, seed: this.seed, workspace: this.state, now: this.#clock });
    sharedTransport ??= createMockTransport(createHandlers(backendFor));
    const transport = sharedTransport;
    this.transport = (request) => {
      backendOfRequest.set(request, this);
      return transport(request);
    };
  }

  /** MSW handlers answering for this backend alone (e.g. for `setupServer`); built on first use. */
  get handlers(): RequestHandler[] {
    this.#handlers ??= createHandlers(() => this);
    return this.#handlers;
  }

  get scenario(): ScenarioSettings {
    return this.#requestScenario ?? this.state.scenario;
  }

  /** Switches the workspace's scenario at runtime; fault counters start over. */
  setScenario(input: ScenarioName | ScenarioInput): ScenarioSettings {
    this.state.scenario = scenarioSettings(input);
    this.#requestScenario = undefined;
    this.#resetCounters();
    return this.state.scenario;
  }

  /**
   * Back to the generated dataset: every write undone, counters cleared; the
   * scenario, the account and its webhook stay. Sync tokens issued before get
   * a full sync next time: the changes they knew of are gone.
   */
  reset(): void {
    this.state.changes = {};
    if (this.state.sync) {
      this.state.sync.seq += 1;
      this.state.sync.floor = this.state.sync.seq;
    }
    this.#resetCounters();
  }

  /** This account's Todoist user id (a numeric string for a workspace; a sample account's own id on the stand-in). */
  get userId(): string {
    return this.#identity?.id ?? (this.state.userId ??= mintUserId());
  }

  /** Who this account is: its user, and the view that shows its id on the shared data. */
  get account(): AccountView {
    return accountView(this.store.base.user, this.#identity ?? { id: this.userId });
  }

  get user(): MockUser {
    return this.account.user;
  }

  /** Registers (or, with `undefined`, removes) this account's webhook. */
  setWebhook(registration: WebhookRegistration | undefined): void {
    if (registration) this.state.webhook = registration;
    else delete this.state.webhook;
  }

  /**
   * The webhook events of this backend's writes so far, for the sender — take
   * them only after the state is stored. `undefined` when there is nothing to
   * deliver (no webhook registered, or no write).
   */
  takeWebhookOutbox(): PendingWebhooks | undefined {
    const changes = this.store.takeOutbox();
    const registration = this.state.webhook;
    if (!registration || changes.length === 0) return undefined;
    const { account } = this;
    const { user } = account;
    return {
      registration,
      userId: user.id,
      initiator: { id: user.id, email: user.email, full_name: user.full_name, is_premium: user.is_premium, image_id: null },
      changes: changes.map((change) => ({ ...change, task: account.present(change.task) })),
    };
  }

  /** Binds cursors to this workspace and dataset: another workspace's (or size's) cursor is refused. */
  get cursorSecret(): string {
    return `${this.state.cursorSecret}|${this.size}:${this.seed}`;
  }

  get faultCounters(): FaultCounters {
    return this.state.counters;
  }

  now(): number {
    return this.#clock().getTime();
  }

  /** `flaky`'s seeded dice; the position lives in the workspace, so requests continue one sequence. */
  random(): number {
    const counters = this.state.counters;
    const step = randomStep(counters.randomState ?? this.seed >>> 0);
    counters.randomState = step.state;
    return step.value;
  }

  #resetCounters(): void {
    Object.assign(this.state.counters, freshCounters(this.now()));
  }
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  return new MockBackend(options);
}
