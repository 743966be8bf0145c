'use client';
/**
 * The state behind lesson 8's live feed: one subscribed connection (a
 * 2026-07-28 `subscriptions/listen` stream for today's tasks), the learner's
 * changes made through it, the notifications that come back with what their
 * sync cost, and — beside it — a naive poller that re-reads every task on a
 * timer, so the two can be compared on the same changes.
 *
 * The MCP SDK is downloaded on the first Start, not with the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallToolResult } from '@modelcontextprotocol/client';
import type { LiveSession, LiveUpdate } from '@/lib/mcp/client/live-session';
import { parseProvenance, PROVENANCE_META_KEY } from '@/lib/mcp/provenance';
import { RESOURCE_URIS } from '@/lib/mcp/resource-uris';
import { errorText } from '@/lib/todoist/errors';
import { ensureLearner } from '../../panel/ensure-learner';

export const LIVE_SETTINGS = { backend: 'mock', strategy: 'production', size: 'small', workspace: 'real-time' } as const;
const LIVE_QUERY = `workspace=${LIVE_SETTINGS.workspace}&size=${LIVE_SETTINGS.size}`;
export const NAIVE_POLL_SECONDS = 5;

export type LivePath = 'webhook' | 'poll';
export interface LiveFaults {
  duplicate: boolean;
  outOfOrder: boolean;
  lost: boolean;
  badSignature: boolean;
  late: boolean;
}
export const NO_FAULTS: LiveFaults = { duplicate: false, outOfOrder: false, lost: false, badSignature: false, late: false };
const LATE_MS = 3_000;

export interface TodayTask {
  id: string;
  content: string;
}

export interface ReceivedUpdate extends LiveUpdate {
  /** Milliseconds from the learner's click to this notification, when it answers one. */
  afterChangeMs?: number;
}

export interface DeliveryEntry {
  deliveryId: string;
  eventName: string;
  taskId: string;
  faults: string[];
  status: string;
  attempts: Array<{ kind: string; status?: number; error?: string }>;
}

export interface PollStats {
  polls: number;
  requests: number;
  bytes: number;
  /** Seconds from the learner's last change to the poll that noticed it. */
  noticedAfterSeconds?: number;
}

export function useLiveFeed(onObserved: (summary: string) => void) {
  const [status, setStatus] = useState<'idle' | 'starting' | 'listening' | 'ended'>('idle');
  const [error, setError] = useState<string>();
  const [path, setPath] = useState<LivePath>('webhook');
  const [faults, setFaults] = useState<LiveFaults>(NO_FAULTS);
  const [pollSeconds, setPollSeconds] = useState<number>();
  const [tasks, setTasks] = useState<TodayTask[]>([]);
  const [updates, setUpdates] = useState<ReceivedUpdate[]>([]);
  const [deliveries, setDeliveries] = useState<DeliveryEntry[]>([]);
  const [naivePolling, setNaivePolling] = useState(false);
  const [pollStats, setPollStats] = useState<PollStats>({ polls: 0, requests: 0, bytes: 0 });
  const session = useRef<LiveSession | undefined>(undefined);
  const changedAt = useRef<number | undefined>(undefined);
  const naiveChangedAt = useRef<number | undefined>(undefined);

  const call = useCallback(async (name: string, args: Record<string, unknown>) => {
    if (!session.current) throw new Error('Not listening: press Start first.');
    return (await session.current.connection.client.callTool({ name, arguments: args })) as CallToolResult;
  }, []);

  const readToday = useCallback(async () => {
    const result = await call('filter_tasks', { query: 'today' });
    const listed = (result.structuredContent as { tasks?: Array<{ id: string; content: string }> } | undefined)?.tasks ?? [];
    setTasks(listed.map(({ id, content }) => ({ id, content })));
  }, [call]);

  const readDeliveries = useCallback(async () => {
    const response = await fetch(`/api/realtime/live?${LIVE_QUERY}`, { credentials: 'same-origin' });
    if (response.ok) setDeliveries(((await response.json()) as { deliveries: DeliveryEntry[] }).deliveries);
  }, []);

  const switchPath = useCallback(async (next: LivePath, nextFaults: LiveFaults) => {
    await ensureLearner();
    const response = await fetch(`/api/realtime/live?${LIVE_QUERY}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ delivery: next, faults: serverFaults(nextFaults) }),
    });
    const body = (await response.json()) as { error?: string; pollSeconds?: number };
    if (!response.ok) throw new Error(body.error ?? `The live switch answered ${response.status}.`);
    setPollSeconds(body.pollSeconds);
  }, []);

  const onUpdate = useCallback(
    (update: LiveUpdate) => {
      const clicked = changedAt.current;
      const received: ReceivedUpdate = { ...update, ...(clicked !== undefined && { afterChangeMs: Math.round(update.receivedAt - clicked) }) };
      changedAt.current = undefined;
      setUpdates((earlier) => [received, ...earlier].slice(0, 20));
      if (received.sync) {
        const after = received.afterChangeMs === undefined ? '' : ` ${received.afterChangeMs} ms after the change`;
        onObserved(`A change reached the subscribed client by ${received.sync.trigger}${after}: one ${received.sync.kind} sync, ${received.sync.requests} request, ${received.sync.bytes} bytes.`);
      }
      void readToday().catch(() => undefined);
      void readDeliveries().catch(() => undefined);
    },
    [onObserved, readToday, readDeliveries],
  );

  const start = useCallback(async () => {
    setStatus('starting');
    setError(undefined);
    try {
      await switchPath(path, faults);
      const { openLiveSession } = await import('@/lib/mcp/client/live-session');
      session.current = await openLiveSession({
        endpoint: '/api/mcp',
        settings: LIVE_SETTINGS,
        uris: [RESOURCE_URIS.tasksToday],
        onUpdate,
        onEnded: (how) => how !== 'local' && setStatus('ended'),
      });
      setStatus('listening');
      await Promise.all([readToday(), readDeliveries()]);
    } catch (failure) {
      setStatus('idle');
      setError(errorText(failure));
    }
  }, [path, faults, switchPath, onUpdate, readToday, readDeliveries]);

  /** Changes the path or faults; while listening, the server switches at once. */
  const configure = useCallback(
    async (next: LivePath, nextFaults: LiveFaults) => {
      setPath(next);
      setFaults(nextFaults);
      if (status !== 'listening') return;
      try {
        await switchPath(next, nextFaults);
      } catch (failure) {
        setError(errorText(failure));
      }
    },
    [status, switchPath],
  );

  const complete = useCallback(
    async (task: TodayTask) => {
      setError(undefined);
      changedAt.current = performance.now();
      naiveChangedAt.current = changedAt.current;
      try {
        const result = await call('complete_task', { task_id: task.id });
        if (result.isError) throw new Error(result.content.map((part) => ('text' in part ? part.text : '')).join(' '));
      } catch (failure) {
        changedAt.current = undefined;
        setError(errorText(failure));
      }
    },
    [call],
  );

  // The naive poller: every task, every few seconds, whether anything changed or not.
  useEffect(() => {
    if (!naivePolling || status !== 'listening') return;
    let previous: string | undefined;
    const poll = async () => {
      const result = await call('list_tasks', {});
      const provenance = parseProvenance(result._meta?.[PROVENANCE_META_KEY]);
      const seen = JSON.stringify(result.structuredContent ?? result.content);
      const noticed = previous !== undefined && seen !== previous && naiveChangedAt.current !== undefined;
      const noticedAfterSeconds = noticed ? Math.round((performance.now() - naiveChangedAt.current!) / 100) / 10 : undefined;
      if (noticed) naiveChangedAt.current = undefined;
      previous = seen;
      setPollStats((stats) => ({
        polls: stats.polls + 1,
        requests: stats.requests + (provenance?.requests ?? 0),
        bytes: stats.bytes + (provenance?.bytes ?? 0),
        noticedAfterSeconds: noticedAfterSeconds ?? stats.noticedAfterSeconds,
      }));
    };
    void poll().catch(() => undefined);
    const timer = setInterval(() => void poll().catch(() => undefined), NAIVE_POLL_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [naivePolling, status, call]);

  // Leaving the page ends the stream: nothing is left open on the server.
  useEffect(() => () => void session.current?.close(), []);

  return {
    status,
    error,
    path,
    faults,
    pollSeconds,
    tasks,
    updates,
    deliveries,
    naivePolling,
    pollStats,
    start,
    configure,
    complete,
    setNaivePolling,
  };
}

function serverFaults(faults: LiveFaults) {
  return {
    duplicate: faults.duplicate,
    outOfOrder: faults.outOfOrder,
    lost: faults.lost,
    badSignature: faults.badSignature,
    lateMs: faults.late ? LATE_MS : 0,
  };
}
