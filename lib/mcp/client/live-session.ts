/**
 * A connection that stays open to hear about changes (lesson 8): a 2026-07-28
 * client with one `subscriptions/listen` stream for the resources the page
 * shows. Each `notifications/resources/updated` reaches `onUpdate` with what
 * the server said about the sync behind it; the page then re-reads the
 * resource — the notification says *that* it changed, never *what* it now is.
 *
 * Unlike a demo run (./run), this connection lives until `close()`: the
 * stream is one long POST, and calls made meanwhile are ordinary requests of
 * their own.
 */
import type { McpSubscription, ReadResourceResult } from '@modelcontextprotocol/client';
import { parseSyncNotice, type SyncNotice } from '@/lib/realtime/sync-notice';
import { connectDojoClient, type ConnectDojoClientOptions, type DojoConnection } from './connect';
import { REQUEST_TIMEOUT_MS } from './constants';

export interface LiveUpdate {
  uri: string;
  /** `performance.now()` when the notification arrived: compare with the time of the change the page made. */
  receivedAt: number;
  sync?: SyncNotice;
}

export interface LiveSessionOptions extends Omit<ConnectDojoClientOptions, 'protocol'> {
  uris: string[];
  onUpdate: (update: LiveUpdate) => void;
  /** The stream ended: `remote` means the server or the network dropped it (listen again to carry on). */
  onEnded?: (how: 'local' | 'graceful' | 'remote') => void;
}

export interface LiveSession {
  connection: DojoConnection;
  /** What the server agreed to send (its acknowledgement of the listen request). */
  honoredUris: string[];
  readText(uri: string): Promise<string>;
  close(): Promise<void>;
}

export async function openLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const { uris, onUpdate, onEnded, ...connectOptions } = options;
  // Subscriptions are a 2026-07-28 feature here: this server serves 2025 clients statelessly and cannot push to them.
  const connection = await connectDojoClient({ ...connectOptions, protocol: '2026-07-28' });
  let subscription: McpSubscription;
  try {
    connection.client.setNotificationHandler('notifications/resources/updated', (notification) => {
      const { uri, _meta } = notification.params;
      onUpdate({ uri, receivedAt: performance.now(), sync: parseSyncNotice(_meta) });
    });
    subscription = await connection.client.listen({ resourceSubscriptions: uris }, { timeout: REQUEST_TIMEOUT_MS });
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  void subscription.closed.then((how) => onEnded?.(how));

  return {
    connection,
    honoredUris: subscription.honoredFilter.resourceSubscriptions ?? [],
    readText: async (uri) => textOf(await connection.client.readResource({ uri }, { timeout: REQUEST_TIMEOUT_MS })),
    close: async () => {
      await subscription.close().catch(() => undefined);
      await connection.close();
    },
  };
}

function textOf(result: ReadResourceResult): string {
  return result.contents.map((content) => ('text' in content ? content.text : '')).join('\n');
}
