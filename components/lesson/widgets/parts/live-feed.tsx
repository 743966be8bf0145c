'use client';
/**
 * Lesson 8's live feed: switch how changes reach the server (a webhook, with
 * the faults Todoist's deliveries really have, or no webhook and polling),
 * subscribe, complete a task — and watch the notification arrive, with what
 * its sync cost, beside a naive poller re-reading everything on a timer.
 */
import { formatBytes } from '@/components/mcp/format-bytes';
import { PillGroup } from '@/components/ui/pill-group';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { useHydrated } from '../../panel/use-hydrated';
import { NAIVE_POLL_SECONDS, useLiveFeed, type LiveFaults, type ReceivedUpdate } from './use-live-feed';

const FAULTS: ReadonlyArray<{ key: keyof LiveFaults; label: string; description: string }> = [
  { key: 'duplicate', label: 'duplicate', description: 'every delivery arrives twice, with the same delivery id' },
  { key: 'outOfOrder', label: 'out of order', description: 'a batch of deliveries arrives newest first' },
  { key: 'late', label: 'late (3 s)', description: 'deliveries are held back three seconds' },
  { key: 'lost', label: 'lost', description: 'deliveries never arrive: the next sync has to heal it' },
  { key: 'badSignature', label: 'bad signature', description: 'signed with the wrong key: the receiver refuses, the sender retries' },
];

export function LiveFeed({ onObserved }: { onObserved: (summary: string) => void }) {
  const feed = useLiveFeed(onObserved);
  const hydrated = useHydrated();
  const listening = feed.status === 'listening';
  const webhookTotals = totals(feed.updates);

  return (
    <section aria-labelledby="live-feed-heading" data-testid="live-feed" data-status={feed.status} className="space-y-5">
      <h3 id="live-feed-heading" className="text-xl font-semibold">
        Complete a task, watch the notification arrive
      </h3>
      <PillGroup
        legend="How changes reach this server"
        prominent
        options={[
          { value: 'webhook', label: 'webhook', description: 'Todoist (here, the mock) POSTs a signed event to /api/webhooks/todoist on every change.' },
          { value: 'poll', label: 'no webhook: poll', description: `As behind NAT: the server polls with incremental sync while you are subscribed.` },
        ]}
        value={feed.path}
        onChange={(path) => void feed.configure(path, feed.faults)}
        disabled={!hydrated}
      />
      {feed.path === 'webhook' && (
        <fieldset className="min-w-0" disabled={!hydrated}>
          <legend className="text-sm font-semibold">Delivery faults (Todoist&apos;s deliveries really do this)</legend>
          <ul className="mt-2 grid gap-2 @2xl:grid-cols-2">
            {FAULTS.map((fault) => (
              <li key={fault.key}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1.5"
                    checked={feed.faults[fault.key]}
                    onChange={(event) => void feed.configure(feed.path, { ...feed.faults, [fault.key]: event.target.checked })}
                  />
                  <span>
                    <span className="font-mono font-semibold">{fault.label}</span> <span className="text-sm text-muted">— {fault.description}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={PRIMARY_BUTTON} disabled={!hydrated || feed.status === 'starting' || listening} onClick={() => void feed.start()}>
          {feed.status === 'ended' ? 'Subscribe again' : 'Subscribe to today’s tasks'}
        </button>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={feed.naivePolling} disabled={!listening} onChange={(event) => feed.setNaivePolling(event.target.checked)} />
          <span>Also poll naively: re-read every task every {NAIVE_POLL_SECONDS} s</span>
        </label>
      </div>
      <p role="status" className="text-sm text-muted">
        {feed.status === 'starting' && 'Subscribing…'}
        {listening &&
          (feed.path === 'webhook'
            ? 'Subscribed (subscriptions/listen). Changes arrive by webhook → incremental sync → notification.'
            : `Subscribed (subscriptions/listen). No webhook: the server polls with incremental sync every ${feed.pollSeconds ?? '…'} s.`)}
        {feed.status === 'ended' && 'The stream ended (server or network): subscribe again to carry on.'}
      </p>
      {feed.error && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">That did not work</p>
          <p className="mt-1 font-mono text-sm break-words">{feed.error}</p>
        </div>
      )}

      {listening && (
        <div className="grid gap-6 @4xl:grid-cols-2">
          <div className="min-w-0 space-y-3">
            <h4 className="text-lg font-semibold">Due today ({feed.tasks.length})</h4>
            <ul data-testid="live-today" className="space-y-2">
              {feed.tasks.slice(0, 6).map((task) => (
                <li key={task.id} data-task-id={task.id} className="flex items-center justify-between gap-3 rounded-md border border-border px-3 py-2">
                  <span className="min-w-0 break-words">{task.content}</span>
                  <button type="button" className={SECONDARY_BUTTON} onClick={() => void feed.complete(task)} aria-label={`Complete “${task.content}”`}>
                    Complete
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="min-w-0 space-y-3">
            <h4 className="text-lg font-semibold">Notifications</h4>
            <dl data-testid="live-totals" className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              <dt className="font-semibold">Subscribed: syncs</dt>
              <dd>
                {webhookTotals.count} · {webhookTotals.requests} request{webhookTotals.requests === 1 ? '' : 's'} · {formatBytes(webhookTotals.bytes)}
                {webhookTotals.lastLatency !== undefined && ` · last: ${webhookTotals.lastLatency} ms after the change`}
              </dd>
              {feed.naivePolling && (
                <>
                  <dt className="font-semibold">Naive polling</dt>
                  <dd data-testid="naive-poll-totals">
                    {feed.pollStats.polls} polls · {feed.pollStats.requests} requests · {formatBytes(feed.pollStats.bytes)}
                    {feed.pollStats.noticedAfterSeconds !== undefined && ` · noticed the change ${feed.pollStats.noticedAfterSeconds} s after it`}
                  </dd>
                </>
              )}
            </dl>
            <ol data-testid="live-updates" aria-live="polite" className="space-y-2">
              {feed.updates.map((update, index) => (
                <UpdateLine key={`${update.receivedAt}-${index}`} update={update} />
              ))}
            </ol>
            {feed.updates.length === 0 && <p className="text-sm text-muted">Nothing yet: complete a task.</p>}
          </div>
        </div>
      )}

      {listening && feed.deliveries.length > 0 && (
        <details className="rounded-md border border-border p-3" open>
          <summary className="cursor-pointer font-semibold">Webhook deliveries of your account (as the sender logged them)</summary>
          <ol data-testid="live-deliveries" className="mt-2 space-y-1 font-mono text-sm">
            {feed.deliveries
              .slice(-8)
              .reverse()
              .map((delivery) => (
                <li key={delivery.deliveryId} className="break-words">
                  {delivery.eventName} {delivery.taskId} — <strong>{delivery.status}</strong>
                  {delivery.faults.length > 0 && ` [${delivery.faults.join(', ')}]`} —{' '}
                  {delivery.attempts.map((attempt) => `${attempt.kind}: ${attempt.status ?? attempt.error ?? '…'}`).join(', ') || 'not sent'}
                </li>
              ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function UpdateLine({ update }: { update: ReceivedUpdate }) {
  const { sync } = update;
  return (
    <li className="rounded-md border border-border px-3 py-2 text-sm" data-trigger={sync?.trigger}>
      <span className="font-mono font-semibold">notifications/resources/updated</span> <span className="font-mono">{update.uri}</span>
      {sync && (
        <span className="block">
          by <strong>{sync.trigger}</strong>: one {sync.kind} sync, {sync.requests} request{sync.requests === 1 ? '' : 's'}, {formatBytes(sync.bytes)}
          {update.afterChangeMs !== undefined && (
            <>
              {' '}
              — <strong>{update.afterChangeMs} ms</strong> after your click
            </>
          )}
          {sync.reason && <span className="block text-muted">{sync.reason}</span>}
        </span>
      )}
    </li>
  );
}

function totals(updates: ReceivedUpdate[]) {
  let requests = 0;
  let bytes = 0;
  for (const update of updates) {
    requests += update.sync?.requests ?? 0;
    bytes += update.sync?.bytes ?? 0;
  }
  return { count: updates.length, requests, bytes, lastLatency: updates.find((update) => update.afterChangeMs !== undefined)?.afterChangeMs };
}
