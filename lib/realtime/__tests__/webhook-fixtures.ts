/**
 * Deliveries as Todoist sends them, for the receiver's tests: a body, its
 * signature under a secret, and the headers around it.
 */
import { signWebhookBody } from '../webhook-signature';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, WEBHOOK_USER_AGENT, type TodoistWebhookEvent } from '../webhook-event';

export const STANDIN_SECRET = 'standin-client-secret-for-tests';
export const TODOIST_SECRET = 'todoist-client-secret-for-tests';
export const WEBHOOK_URL = 'http://localhost:3000/api/webhooks/todoist';
/** The receiver's clock in these tests. */
export const NOW = Date.parse('2026-10-01T12:00:00.000Z');

export function webhookEvent(overrides: Partial<TodoistWebhookEvent> = {}): TodoistWebhookEvent {
  return {
    event_name: 'item:completed',
    user_id: '2671355',
    event_data: { id: '6XR4GqQQCW6Gv9h4', content: 'Buy milk', checked: true, project_id: '6XR4H993xv8H5qCR' },
    initiator: { id: '2671355', email: 'alice@example.com', full_name: 'Alice Example', is_premium: false, image_id: null },
    triggered_at: new Date(NOW - 2_000).toISOString(),
    version: '1',
    ...overrides,
  };
}

let deliveries = 0;

export interface DeliveryOptions {
  secret?: string;
  /** The exact bytes to send (default: the event as JSON). */
  body?: string | Uint8Array;
  /** A signature to send instead of the body's own; `null` sends none. */
  signature?: string | null;
  /** `null` sends no delivery id. */
  deliveryId?: string | null;
  headers?: Record<string, string>;
}

export function delivery(event: TodoistWebhookEvent = webhookEvent(), options: DeliveryOptions = {}): Request {
  const body = options.body ?? JSON.stringify(event);
  const headers = new Headers({ 'Content-Type': 'application/json', 'User-Agent': WEBHOOK_USER_AGENT, ...options.headers });
  const signature = options.signature === undefined ? signWebhookBody(body, options.secret ?? STANDIN_SECRET) : options.signature;
  if (signature !== null) headers.set(SIGNATURE_HEADER, signature);
  deliveries += 1;
  const deliveryId = options.deliveryId === undefined ? `delivery-${deliveries}` : options.deliveryId;
  if (deliveryId !== null) headers.set(DELIVERY_ID_HEADER, deliveryId);
  return new Request(WEBHOOK_URL, { method: 'POST', headers, body: body as BodyInit });
}
