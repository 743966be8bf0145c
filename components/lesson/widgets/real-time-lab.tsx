'use client';
/**
 * Lesson 8, "Real time, live": the learner's own changes travelling as
 * Todoist's would (write → signed webhook → verified → incremental sync →
 * notification on their subscription), beside a naive poller; then the
 * receiver drill, where a naive and a production receiver get the same
 * faulty deliveries.
 */
import { useCallback } from 'react';
import { useObservations } from '../panel/use-observations';
import { LiveFeed } from './parts/live-feed';
import { ReceiverDrill } from './parts/receiver-drill';

export function RealTimeLab({ slug }: { slug: string }) {
  const { add } = useObservations(slug);
  const observe = useCallback((summary: string) => add({ kind: 'widget', widget: 'real-time-lab', summary }), [add]);
  return (
    <section id="real-time-lab" aria-labelledby="real-time-lab-heading" data-testid="widget-real-time-lab" className="@container space-y-10 rounded-xl border border-border p-5">
      <div className="space-y-2">
        <h2 id="real-time-lab-heading" className="text-2xl font-semibold">
          Real time, live
        </h2>
        <p className="text-base leading-relaxed">
          Your own sample account (mock data, in a workspace of its own). Every change you make is stored, announced by a signed webhook to this
          app&apos;s receiver, and read back by one incremental sync; the notification reaches the subscription of this browser only.
        </p>
      </div>
      <LiveFeed onObserved={observe} />
      <ReceiverDrill onObserved={observe} />
    </section>
  );
}
