/**
 * What a `notifications/resources/updated` from this server says about the
 * change behind it, under `_meta["dojo/sync"]`: what triggered the re-read (a
 * webhook, or the polling fallback), what the incremental sync cost, and when
 * the change happened — so a client can show "one request, 412 bytes, 180 ms
 * after the change" instead of just "something changed".
 *
 * Checked by hand, not with zod: the lesson page reads it in the browser.
 */
export const SYNC_NOTICE_META_KEY = 'dojo/sync';

export type UpdateTrigger = 'webhook' | 'poll';

export interface SyncNotice {
  trigger: UpdateTrigger;
  /** The sync that found the change: one small incremental read, or a full one (first read, or a refused token). */
  kind: 'incremental' | 'full';
  /** Why a full sync, when it was one. */
  reason?: string;
  requests: number;
  bytes: number;
  /** ISO 8601, from the webhook's triggered_at: when the change happened at Todoist. */
  changedAt?: string;
  /** ISO 8601: when this server published the notification. */
  publishedAt: string;
}

export function parseSyncNotice(meta: unknown): SyncNotice | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const value = (meta as Record<string, unknown>)[SYNC_NOTICE_META_KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const { trigger, kind, reason, requests, bytes, changedAt, publishedAt } = value as Record<string, unknown>;
  const valid =
    (trigger === 'webhook' || trigger === 'poll') &&
    (kind === 'incremental' || kind === 'full') &&
    (reason === undefined || typeof reason === 'string') &&
    Number.isSafeInteger(requests) &&
    Number.isSafeInteger(bytes) &&
    (changedAt === undefined || typeof changedAt === 'string') &&
    typeof publishedAt === 'string';
  if (!valid) return undefined;
  return {
    trigger,
    kind,
    requests: requests as number,
    bytes: bytes as number,
    publishedAt,
    ...(typeof reason === 'string' && { reason }),
    ...(typeof changedAt === 'string' && { changedAt }),
  };
}
