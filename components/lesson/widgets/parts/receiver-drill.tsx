'use client';
/**
 * Lesson 8's receiver drill: one fault at a time, the same deliveries to the
 * naive receiver and the production one, and what each ends up believing
 * next to what the account really holds (lib/realtime/drill.ts).
 */
import { useMutation } from '@tanstack/react-query';
import { ALERT, SECONDARY_BUTTON } from '@/components/ui/styles';
import type { DrillCase, DrillOutcome } from '@/lib/realtime/drill';
import { useHydrated } from '../../panel/use-hydrated';

const CASES: ReadonlyArray<{ id: DrillCase; title: string }> = [
  { id: 'forged', title: 'A forged webhook' },
  { id: 'duplicate', title: 'A duplicated delivery' },
  { id: 'out-of-order', title: 'Deliveries out of order' },
  { id: 'lost', title: 'A lost delivery' },
];

export function ReceiverDrill({ onObserved }: { onObserved: (summary: string) => void }) {
  const hydrated = useHydrated();
  const drill = useMutation({
    mutationFn: async (which: DrillCase): Promise<DrillOutcome> => {
      const response = await fetch('/api/realtime/drill', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ case: which }),
      });
      const body = (await response.json()) as DrillOutcome | { error: string };
      if (!response.ok || 'error' in body) throw new Error('error' in body ? body.error : `The drill answered ${response.status}.`);
      return body;
    },
    onSuccess: (outcome) =>
      onObserved(`Receiver drill, ${outcome.case}: the naive receiver believes ${outcome.naive.believes}; production believes ${outcome.production.believes} (truth: ${outcome.truth}).`),
  });
  const outcome = drill.data;

  return (
    <section aria-labelledby="receiver-drill-heading" data-testid="receiver-drill" className="space-y-4">
      <h3 id="receiver-drill-heading" className="text-xl font-semibold">
        Two receivers, the same deliveries
      </h3>
      <p className="text-base leading-relaxed">
        The naive receiver checks no signature, keeps no delivery ids and applies each body as the truth. The production receiver verifies,
        deduplicates, and runs an incremental sync. Each case runs on a fresh sample account.
      </p>
      <div className="flex flex-wrap gap-3">
        {CASES.map((each) => (
          <button key={each.id} type="button" className={SECONDARY_BUTTON} disabled={!hydrated || drill.isPending} onClick={() => drill.mutate(each.id)}>
            {each.title}
          </button>
        ))}
      </div>
      {drill.error && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The drill failed</p>
          <p className="mt-1 font-mono text-sm">{drill.error.message}</p>
        </div>
      )}
      {outcome && (
        <div data-testid="drill-outcome" data-case={outcome.case} className="space-y-3">
          <p className="text-base">{outcome.change}</p>
          <table className="w-full table-fixed border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="w-1/4 py-1 pr-2">Receiver</th>
                <th scope="col" className="w-1/4 py-1 pr-2">Answered</th>
                <th scope="col" className="py-1">Now believes</th>
              </tr>
            </thead>
            <tbody>
              <DrillRow label="Naive" answers={outcome.naive.answers} believes={outcome.naive.believes} right={outcome.naiveRight} />
              <DrillRow label="Production" answers={outcome.production.answers} believes={outcome.production.believes} right={outcome.productionRight} />
              <tr>
                <th scope="row" className="py-1 pr-2">The account</th>
                <td className="py-1 pr-2 text-muted">—</td>
                <td className="py-1 break-words">{outcome.truth}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DrillRow({ label, answers, believes, right }: { label: string; answers: number[]; believes: string; right: boolean }) {
  return (
    <tr className="border-b border-border" data-testid={`drill-${label.toLowerCase()}`} data-right={right}>
      <th scope="row" className="py-1 pr-2">{label}</th>
      <td className="py-1 pr-2 font-mono">{answers.join(', ') || 'nothing arrived'}</td>
      <td className="py-1 break-words">
        {believes} — <strong>{right ? 'right' : 'wrong'}</strong>
      </td>
    </tr>
  );
}
