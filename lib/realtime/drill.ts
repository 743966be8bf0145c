/**
 * Lesson 8's receiver drill: the same deliveries, with Todoist's real faults,
 * reach the naive receiver (naive-receiver.ts) and the production one
 * (webhook-receiver.ts with its trigger: verify, dedupe, one incremental
 * sync) at once. Each case ends by asking both what they now believe about
 * the account, next to the truth the account itself holds.
 *
 * Everything runs in this process on a fresh mock account, so a drill is
 * repeatable and touches nobody's data; the deliveries are the mock's real
 * signed ones (webhook-sender.ts), handed to both receivers as Requests.
 */
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import type { PendingWebhooks } from '@/lib/mock/webhook-outbox';
import { createWebhookSender, type WebhookFaults } from '@/lib/mock/webhook-sender';
import { MemoryStateStore } from '@/lib/state';
import { TodoistClient } from '@/lib/todoist/client';
import type { Task } from '@/lib/todoist/schemas';
import type { AccountBackend } from './accounts';
import { InMemoryTenantEventBus } from './bus';
import { NaiveReceiver } from './naive-receiver';
import { Replica } from './replica';
import { createWebhookReceiver } from './webhook-receiver';
import { createWebhookTrigger, primeReplica } from './webhook-trigger';

export const DRILL_CASES = ['forged', 'duplicate', 'out-of-order', 'lost'] as const;
export type DrillCase = (typeof DRILL_CASES)[number];

export interface DrillOutcome {
  case: DrillCase;
  /** What happened at "Todoist", in words. */
  change: string;
  /** The deliveries each receiver was sent (after the fault). */
  deliveries: number;
  naive: { answers: number[]; believes: string };
  production: { answers: number[]; believes: string };
  truth: string;
  /** Whether each receiver ended believing the truth. */
  naiveRight: boolean;
  productionRight: boolean;
}

const TENANT = { key: 'drill', kind: 'learner' as const };
const BACKEND: AccountBackend = { backend: 'mock', upstream: 'todoist', size: 'tiny', seed: 1 };
const CALLBACK = 'http://receiver.invalid/api/webhooks/todoist';
/** Only the forged case signs with another key: an attacker does not have the client secret. */
const ATTACKER_KEY = 'not-the-client-secret';

export async function runDrill(which: DrillCase, secret: Buffer): Promise<DrillOutcome> {
  const clientSecret = standinOAuthApp(secret).clientSecret;
  const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });
  const mock = createMockBackend({ size: BACKEND.size, seed: BACKEND.seed });
  const todoist = new TodoistClient({ transport: mock.transport, token: 'drill' });
  const connection = { transport: mock.transport, token: 'drill' };
  try {
    await primeReplica({ store, tenant: TENANT, workspace: 'drill', backend: BACKEND, connection, app: 'standin' });
    const naive = new NaiveReceiver(mock.store.activeTasks().map(({ id, content, checked }) => ({ id, content, checked })));
    const naiveAnswers: number[] = [];
    const productionAnswers: number[] = [];
    const triggers: Promise<void>[] = [];
    const production = createWebhookReceiver({
      store,
      secrets: [{ app: 'standin', secret: clientSecret }],
      onEvent: createWebhookTrigger({ store, bus: new InMemoryTenantEventBus(), connect: async () => connection }),
      defer: (work) => void triggers.push(work()),
      log: () => undefined,
    });
    // Todoist's side: every delivery goes to both receivers; Todoist acts on production's answer (retries).
    const both = async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = new TextDecoder().decode(init?.body as Uint8Array);
      naiveAnswers.push(naive.receive(body).status);
      const answer = await production(new Request(input, init));
      productionAnswers.push(answer.status);
      return answer;
    };

    const scenario = SCENARIOS[which];
    mock.setWebhook({ callbackUrl: CALLBACK, faults: {} });
    const change = await scenario.change(todoist, mock);
    const pending = change.pending ?? mock.takeWebhookOutbox();
    const sender = createWebhookSender({ clientSecret: scenario.signWith === 'attacker' ? ATTACKER_KEY : clientSecret, fetch: both, retryDelayMs: 0 });
    if (pending) {
      sender.deliver({ ...pending, registration: { callbackUrl: CALLBACK, faults: scenario.faults } });
      await sender.idle();
    }
    sender.close();
    await Promise.all(triggers);

    const replica = await new Replica({ store, tenantKey: TENANT.key, workspace: 'drill', backend: BACKEND, connection }).read();
    const truth = scenario.describe(mock.store.activeTasks(), change.taskId);
    const naiveBelieves = scenario.describe(
      naive.tasks.filter((task) => !task.checked),
      change.taskId,
    );
    const productionBelieves = scenario.describe(Object.values(replica?.items ?? {}), change.taskId);
    return {
      case: which,
      change: change.words,
      deliveries: naiveAnswers.length,
      naive: { answers: naiveAnswers, believes: naiveBelieves },
      production: { answers: productionAnswers, believes: productionBelieves },
      truth,
      naiveRight: naiveBelieves === truth,
      productionRight: productionBelieves === truth,
    };
  } finally {
    store.close();
  }
}

interface Scenario {
  faults: WebhookFaults;
  signWith?: 'attacker';
  /** Makes the change at "Todoist" (a forgery makes none and brings its own delivery); returns the task it is about. */
  change(todoist: TodoistClient, mock: MockBackend): Promise<{ taskId: string; words: string; pending?: PendingWebhooks }>;
  /** One line about that task in a list of active tasks: what a receiver believes. */
  describe(active: ReadonlyArray<Pick<Task, 'id' | 'content'>>, taskId: string): string;
}

const openOrDone = (active: ReadonlyArray<Pick<Task, 'id' | 'content'>>, taskId: string) => {
  const found = active.find((task) => task.id === taskId);
  return found ? `"${found.content}" is open` : 'it is done';
};

const SCENARIOS: Record<DrillCase, Scenario> = {
  forged: {
    faults: {},
    signWith: 'attacker',
    async change(_todoist, mock) {
      // Nothing changes at Todoist: the attacker builds "completed" for a task that is still open.
      const [task] = mock.store.activeTasks();
      const user = mock.user;
      const pending: PendingWebhooks = {
        registration: { callbackUrl: CALLBACK, faults: {} },
        userId: user.id,
        initiator: { id: user.id, email: user.email, full_name: user.full_name, is_premium: user.is_premium, image_id: null },
        changes: [{ event_name: 'item:completed', task: { ...mock.account.present(task!), checked: true }, triggered_at: new Date().toISOString() }],
      };
      return { taskId: task!.id, pending, words: `An attacker POSTs "item:completed" for "${task!.content}", which nobody completed, signed with a key that is not the client secret.` };
    },
    describe: openOrDone,
  },
  duplicate: {
    faults: { duplicate: true },
    async change(todoist) {
      const task = await todoist.createTask({ content: 'Call the plumber' });
      return { taskId: task.id, words: '"Call the plumber" is added once; its webhook is delivered twice, with the same delivery id.' };
    },
    describe: (active) => {
      const copies = active.filter((task) => task.content === 'Call the plumber').length;
      return `"Call the plumber" appears ${copies === 1 ? 'once' : `${copies} times`}`;
    },
  },
  'out-of-order': {
    faults: { outOfOrder: true },
    async change(todoist, mock) {
      const [task] = mock.store.activeTasks();
      await todoist.updateTask(task!.id, { content: 'Draft the report' });
      await todoist.updateTask(task!.id, { content: 'Send the report' });
      return { taskId: task!.id, words: 'A task is renamed "Draft the report", then "Send the report"; the two webhooks arrive newest first.' };
    },
    describe: (active, taskId) => `the task is called "${active.find((task) => task.id === taskId)?.content ?? '(gone)'}"`,
  },
  lost: {
    faults: {},
    async change(todoist, mock) {
      const [first, second] = mock.store.activeTasks();
      await todoist.closeTask(first!.id);
      mock.takeWebhookOutbox(); // this delivery is lost: it never arrives
      await todoist.updateTask(second!.id, { content: `${second!.content} (moved to Friday)` });
      return { taskId: first!.id, words: `"${first!.content}" is completed, but its webhook is lost; then another task is edited, and that webhook arrives.` };
    },
    describe: openOrDone,
  },
};
