'use client';
/**
 * Lesson 9, "Attacks, live": three attacks on an MCP server, each against a
 * deliberately naive server and the production one, with every request shown.
 * The naive servers serve mock data or the learner's own copy of a stand-in
 * sample account — never a real Todoist account.
 */
import { useCallback } from 'react';
import type { AttackReport, OtherSiteReport } from '@/lib/security/attacks/report';
import { useObservations } from '../panel/use-observations';
import { OtherSiteAttack } from './parts/attack-other-site';
import { AttackRun } from './parts/attack-run';
import { StepUpAttack } from './parts/attack-step-up';

export function AttackLab({ slug }: { slug: string }) {
  const { add: observe } = useObservations(slug);
  const observeOtherSite = useCallback(
    (report: OtherSiteReport) => {
      const read = (target: string) => report.attempts.find((attempt) => attempt.target === target)?.response.readable ?? false;
      observe({
        kind: 'widget',
        widget: 'attack-lab',
        summary: `Another site (Origin: null) ${read('naive') ? 'read' : 'did not read'} the naive endpoint's tasks and ${read('production') ? 'read' : 'did not read'} the production endpoint's.`,
      });
    },
    [observe],
  );
  const observeAttack = (report: AttackReport) =>
    observe({
      kind: 'widget',
      widget: 'attack-lab',
      summary: `${report.attack}: naive server — ${report.naive.verdict.summary} Production server — ${report.production.verdict.summary}`,
    });

  return (
    <section id="attack-lab" aria-labelledby="attack-lab-heading" data-testid="widget-attack-lab" className="@container space-y-6 rounded-xl border border-border p-5">
      <div className="space-y-2">
        <h2 id="attack-lab-heading" className="text-2xl font-semibold">
          Attacks, live
        </h2>
        <p className="text-base leading-relaxed">
          Each attack runs for real against this app: a naive server beside the production one, over real HTTP. Tokens are shown by their first
          characters only.
        </p>
      </div>
      <OtherSiteAttack onReport={observeOtherSite} />
      <AttackRun attack="audience" title="A token issued for another server" onReport={observeAttack}>
        <p>
          The same authorization server also serves a <em>Calendar MCP</em>. A user signed in to it; the Calendar MCP (or whoever stole its
          token) now presents that token to the Todoist MCP. The naive server checks the signature only; the production server also checks the
          audience (RFC 8707): whom the token was issued for.
        </p>
      </AttackRun>
      <AttackRun attack="passthrough" title="Token passthrough" onReport={observeAttack}>
        <p>
          The naive server forwards whatever bearer token the client sent straight to Todoist. With this server&apos;s own token it simply
          fails; handed a Todoist token, it &quot;works&quot; — and every check this server should make (audience, scopes, rate limits, who
          the user is) is skipped. The production server accepts only its own tokens and calls Todoist with the token it keeps for the user.
        </p>
      </AttackRun>
      <StepUpAttack onObserved={(summary) => observe({ kind: 'widget', widget: 'attack-lab', summary })} />
    </section>
  );
}
