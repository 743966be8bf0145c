'use client';
/**
 * A server-run attack of lesson 9 (a token for another resource, token
 * passthrough): one button, then every request it made — the naive server's
 * beside the production server's — and who won.
 */
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import type { AttackName, AttackReport, AttackSide } from '@/lib/security/attacks/report';
import { ensureLearner } from '../../panel/ensure-learner';
import { ExchangeView, VerdictLine } from './attack-exchange';

async function runAttack(attack: AttackName): Promise<AttackReport> {
  await ensureLearner(); // the demo acts for this learner's own copy of a sample account
  const response = await fetch(`/api/security/attacks/${attack}`, { method: 'POST', credentials: 'same-origin' });
  const body = (await response.json().catch(() => ({}))) as AttackReport | { error?: string };
  if (!response.ok || !('attack' in body)) {
    throw new Error(('error' in body && body.error) || `The demo answered ${response.status}.`);
  }
  return body;
}

interface AttackRunProps {
  attack: AttackName;
  title: string;
  children: ReactNode;
  onReport(report: AttackReport): void;
}

export function AttackRun({ attack, title, children, onReport }: AttackRunProps) {
  const run = useMutation({ mutationFn: () => runAttack(attack), onSuccess: onReport });
  const report = run.data;
  return (
    <section aria-label={title} data-testid={`attack-${attack}`} className="space-y-4 rounded-md border border-border p-4">
      <h3 className="text-xl font-semibold">{title}</h3>
      <div className="space-y-2 text-base leading-relaxed">{children}</div>
      <button type="button" className={PRIMARY_BUTTON} disabled={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? 'Running…' : report ? 'Run again' : 'Run the attack'}
      </button>
      {run.error && (
        <p role="alert" className={ALERT}>
          {run.error.message}
        </p>
      )}
      {report && (
        <div className="space-y-4">
          <p className="text-sm text-muted">For {report.account.name} (your own copy of the sample account).</p>
          {report.setup.length > 0 && (
            <ol className="space-y-2" aria-label="How the attacker got what it presents">
              {report.setup.map((exchange, index) => (
                <ExchangeView key={index} exchange={exchange} />
              ))}
            </ol>
          )}
          <div className="grid gap-4 @4xl:grid-cols-2">
            <SideView label="Naive server" side={report.naive} testId={`${attack}-naive`} />
            <SideView label="Production server" side={report.production} testId={`${attack}-production`} />
          </div>
        </div>
      )}
    </section>
  );
}

function SideView({ label, side, testId }: { label: string; side: AttackSide; testId: string }) {
  return (
    <div className="min-w-0 space-y-2">
      <h4 className="text-lg font-semibold">{label}</h4>
      <VerdictLine verdict={side.verdict} testId={testId} />
      <ol className="space-y-2">
        {side.requests.map((exchange, index) => (
          <ExchangeView key={index} exchange={exchange} />
        ))}
      </ol>
    </div>
  );
}
