/**
 * A caller's workspace for one request: the state their requests share,
 * loaded from the StateStore and written back after each tool call.
 *
 * Keyed by *who* (the tenant, from a verified learner id — never a session
 * id, a header or a tool argument) and *which workspace* (a name from the
 * URL, so a lesson's demos can keep their data apart). Anonymous callers get
 * a throwaway workspace that is never stored.
 *
 * A mock workspace with a webhook registered queues the events of its writes;
 * persist() hands them to `deliverWebhooks` only after the state is stored,
 * so a receiver's incremental sync always finds the change a webhook announces.
 */
import type { Tenant } from '@/lib/identity/learner';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import type { DeliverWebhooks, WebhookRegistration } from '@/lib/mock/webhook-outbox';
import { newMockWorkspaceState, type MockWorkspaceState } from '@/lib/mock/workspace-state';
import { stateKey, type StateStore } from '@/lib/state';
import { newResilienceRecord, type ResilienceRecord } from '../resilience';
import type { SessionSettings } from './session-settings';

export interface RequestWorkspace {
  /** The name provenance shows: the workspace, or "throwaway" for anonymous callers. */
  label: string;
  /** Mock backend only: the caller's mock over their own state. */
  mock?: MockBackend;
  resilience: ResilienceRecord;
  /** Writes what this request changed back to the store, then hands its webhook events (if any) to the sender. */
  persist(): Promise<void>;
}

export async function openWorkspace(
  store: StateStore,
  tenant: Tenant,
  settings: SessionSettings,
  now?: () => Date,
  deliverWebhooks?: DeliverWebhooks,
): Promise<RequestWorkspace> {
  const keep = tenant.kind === 'learner';
  const key = (kind: string) => stateKey(tenant.key, settings.workspace, kind);
  const resilienceKey = key(`resilience-${settings.backend}-${dataKey(settings)}`);
  const resilience = (keep && (await store.get<ResilienceRecord>(resilienceKey))) || newResilienceRecord();

  let mock: MockBackend | undefined;
  let mockState: MockWorkspaceState | undefined;
  const mockKey = mockStateKey(tenant, settings);
  if (settings.backend === 'mock') {
    // Stryker disable next-line ObjectLiteral: equivalent — the line below sets the URL's scenario on a new workspace anyway
    mockState = (keep && (await store.get<MockWorkspaceState>(mockKey))) || newMockWorkspaceState({ scenario: settings.scenario });
    mock = createMockBackend({ size: settings.size, seed: settings.seed, now, state: mockState });
    // A scenario in the URL becomes the workspace's; without one, the workspace keeps what a switch set.
    if (settings.scenario && settings.scenario !== mock.scenario.name) mock.setScenario(settings.scenario);
  }

  return {
    label: keep ? settings.workspace : 'throwaway',
    mock,
    resilience,
    persist: async () => {
      if (!keep) return; // a throwaway workspace is never stored, so it has nothing a webhook could announce
      await store.set(resilienceKey, resilience);
      if (mockState) await store.set(mockKey, mockState);
      // Stored first: a webhook must never arrive before the change it announces can be read.
      const pending = mock?.takeWebhookOutbox();
      if (pending) deliverWebhooks?.(pending);
    },
  };
}

/**
 * Registers (or, with `undefined`, removes) the webhook of a learner's mock
 * workspace. For the server only: the callback URL is the server's own
 * receiver, never one a request names. Returns the account's Todoist user id,
 * the `user_id` its webhooks carry.
 */
export async function registerWorkspaceWebhook(
  store: StateStore,
  tenant: Tenant,
  settings: Pick<SessionSettings, 'workspace' | 'size' | 'seed'>,
  registration: WebhookRegistration | undefined,
): Promise<string> {
  const key = mockStateKey(tenant, settings);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = createMockBackend({ size: settings.size, seed: settings.seed, state });
  backend.setWebhook(registration);
  if (tenant.kind === 'learner') await store.set(key, state);
  return backend.userId;
}

/** The mock's data depends on size and seed; a real backend's on where it points. */
function dataKey(settings: SessionSettings): string {
  return settings.backend === 'mock' ? `${settings.size}-${settings.seed}` : settings.upstream;
}

/** The mock state of a workspace, for the scenario switch and reset routes (undefined until first used). */
export function mockStateKey(tenant: Tenant, settings: Pick<SessionSettings, 'workspace' | 'size' | 'seed'>): string {
  return stateKey(tenant.key, settings.workspace, `mock-${settings.size}-${settings.seed}`);
}
