'use client';
/**
 * Lesson 7, "Two users, one server": two MCP clients in this page, each
 * signed in through the real OAuth flow (PKCE, the SDK's client auth, the
 * stand-in's consent page) as a different sample user. Each asks the naive
 * multi-user server and the production one for its tasks; a noisy client
 * floods the endpoint; one disconnects. The Todoist tokens stay on the server.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import {
  CLIENT_SLOTS,
  describeFlood,
  leakVerdict,
  sharedTaskIds,
  tallyFlood,
  type ClientSlot,
  type TenancyServer,
  type TenantAnswer,
} from '@/lib/lessons/widgets/two-tenants';
import { BrowserOAuthProvider } from '@/lib/mcp/client/oauth-provider';
import { ensureLearner } from '../panel/ensure-learner';
import { useHydrated } from '../panel/use-hydrated';
import { useObservations } from '../panel/use-observations';

const SCOPE = 'tasks:read tasks:write';
const LABELS: Record<ClientSlot, string> = { 'client-1': 'Client 1', 'client-2': 'Client 2' };
const FLOOD_CALLS = 120;
const QUIET_CALLS = 5;

type Answers = Partial<Record<TenancyServer, TenantAnswer>>;

/** A slot's provider. Calls never leave the page: a 401 they cannot refresh away says "sign in again" instead. */
function providerFor(slot: ClientSlot, interactive: boolean): BrowserOAuthProvider {
  return new BrowserOAuthProvider(slot, {
    origin: window.location.origin,
    scope: SCOPE,
    storage: window.sessionStorage,
    serverUrl: `${window.location.origin}/api/mcp`,
    returnTo: `${window.location.pathname}#two-tenants`,
    navigate: interactive
      ? (url) => window.location.assign(url)
      : () => {
          throw new Error('Signed out: the server answered 401 and this client could not refresh its token. Sign in again.');
        },
  });
}

/** Which slots hold tokens ("10": Client 1 only), re-read whenever a sign-in changes. */
const signInListeners = new Set<() => void>();
const subscribeSignIns = (listener: () => void) => {
  signInListeners.add(listener);
  return () => void signInListeners.delete(listener);
};
const notifySignIns = () => signInListeners.forEach((listener) => listener());
const signInSnapshot = () => CLIENT_SLOTS.map((slot) => (providerFor(slot, false).tokens() ? '1' : '0')).join('');

export function TwoTenants({ slug }: { slug: string }) {
  const hydrated = useHydrated();
  const { add: observe } = useObservations(slug);
  // sessionStorage exists only in the browser: the server (and the first client render) sees nobody signed in.
  const signedInFlags = useSyncExternalStore(subscribeSignIns, signInSnapshot, () => '00');
  const signedIn: Record<ClientSlot, boolean> = { 'client-1': signedInFlags[0] === '1', 'client-2': signedInFlags[1] === '1' };
  const refreshSignedIn = notifySignIns;
  const [answers, setAnswers] = useState<Record<ClientSlot, Answers>>({ 'client-1': {}, 'client-2': {} });
  // How many answers have come in: lets a test (or a screen reader's live region) tell a new answer from the last one.
  const [answered, setAnswered] = useState(0);

  const signIn = useMutation({
    mutationFn: async (slot: ClientSlot) => {
      // The learner cookie first: the naive server's demo and the stand-in's sample accounts are per learner.
      await ensureLearner();
      const { startSignIn } = await import('@/lib/mcp/client/sign-in');
      // REDIRECT: the browser is on its way to the consent page, and comes back to this lesson signed in.
      return startSignIn(providerFor(slot, true), `${window.location.origin}/api/mcp`, SCOPE);
    },
    onSuccess: refreshSignedIn,
  });

  const ask = useMutation({
    mutationFn: async ({ slot, server }: { slot: ClientSlot; server: TenancyServer }) => {
      const { askForTasks } = await import('@/lib/mcp/client/tenant-calls');
      return { slot, answer: await askForTasks(providerFor(slot, false), server) };
    },
    onSuccess: ({ slot, answer }) => {
      const next = { ...answers, [slot]: { ...answers[slot], [answer.server]: answer } };
      setAnswers(next);
      setAnswered((count) => count + 1);
      refreshSignedIn();
      const verdict = leakVerdict(LABELS[slot], next[slot].production, next[slot].naive);
      if (verdict) observe({ kind: 'widget', widget: 'two-tenants', summary: verdict.sentence });
    },
  });

  const noisy = useMutation({
    mutationFn: async () => {
      const { flood, askForTasks } = await import('@/lib/mcp/client/tenant-calls');
      const quietMs: number[] = [];
      const quiet = (async () => {
        for (let i = 0; i < QUIET_CALLS; i += 1) {
          const answer = await askForTasks(providerFor('client-1', false), 'production');
          if (answer.outcome === 'ok') quietMs.push(answer.ms);
        }
      })();
      const [outcomes] = await Promise.all([flood(providerFor('client-2', false), FLOOD_CALLS), quiet]);
      const tally = tallyFlood(outcomes);
      const summary = describeFlood(LABELS['client-2'], tally, LABELS['client-1'], quietMs);
      observe({ kind: 'widget', widget: 'two-tenants', summary });
      return { tally, summary, quietAnswered: quietMs.length };
    },
  });

  const disconnect = useMutation({
    mutationFn: async (slot: ClientSlot) => {
      const { disconnect: disconnectClient } = await import('@/lib/mcp/client/tenant-calls');
      // Keep the token a moment: the next call shows what a revoked client gets.
      const provider = providerFor(slot, false);
      const tokens = provider.tokens();
      await disconnectClient(provider);
      if (tokens) provider.saveTokens(tokens);
      return slot;
    },
    onSuccess: (slot) => {
      setAnswers((current) => ({ ...current, [slot]: {} }));
      observe({ kind: 'widget', widget: 'two-tenants', summary: `${LABELS[slot]} disconnected: its Todoist token was revoked and every token this server issued it too.` });
    },
  });

  const shared = sharedTaskIds(answers['client-1'].production, answers['client-2'].production);
  const busy = !hydrated || signIn.isPending || ask.isPending || noisy.isPending || disconnect.isPending;
  const error = signIn.error ?? ask.error ?? noisy.error ?? disconnect.error;

  return (
    <section id="two-tenants" aria-labelledby="two-tenants-heading" data-testid="widget-two-tenants" data-answered={answered} className="@container space-y-6 rounded-xl border border-border p-5">
      <div className="space-y-2">
        <h2 id="two-tenants-heading" className="text-2xl font-semibold">
          Two users, one server
        </h2>
        <p className="text-base leading-relaxed">
          Sign each client in as a different sample user — say Alice in Client 1 and Bob in Client 2. Signing in is the real OAuth flow: this
          app&apos;s authorization server sends you to the Todoist stand-in&apos;s consent page, then back here. Each client holds only this
          server&apos;s own short-lived token; the Todoist token stays on the server. Then ask both servers for each client&apos;s tasks.
        </p>
      </div>
      {error && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">That did not work</p>
          <p className="mt-1 font-mono text-sm">{error.message}</p>
        </div>
      )}
      <div className="grid gap-6 @4xl:grid-cols-2">
        {CLIENT_SLOTS.map((slot) => (
          <ClientColumn
            key={slot}
            slot={slot}
            signedIn={signedIn[slot]}
            answers={answers[slot]}
            busy={busy}
            onSignIn={() => signIn.mutate(slot)}
            onAsk={(server) => ask.mutate({ slot, server })}
            onDisconnect={() => disconnect.mutate(slot)}
          />
        ))}
      </div>
      {shared !== undefined && (
        <p data-testid="production-shared" className="rounded-md border-2 border-success px-3 py-2 text-base">
          Production server: the two accounts&apos; answers share <strong>{shared}</strong> task ids — each user read only their own.
        </p>
      )}
      <div className="space-y-2">
        <h3 className="text-xl font-semibold">A noisy neighbour</h3>
        <p className="text-base leading-relaxed">
          Client 2 sends {FLOOD_CALLS} calls at once while Client 1 keeps asking for its tasks. Each user has a rate limit of their own (a token
          bucket keyed by the user, not by the server): Client 2 runs into its own limit, and Client 1 does not notice.
        </p>
        <button type="button" className={SECONDARY_BUTTON} disabled={busy || !signedIn['client-1'] || !signedIn['client-2']} onClick={() => noisy.mutate()}>
          Flood from Client 2
        </button>
        {noisy.isPending && <p role="status">Flooding…</p>}
        {noisy.data && (
          <p data-testid="flood-result" data-limited={noisy.data.tally.limited} data-quiet-answered={noisy.data.quietAnswered} className="text-base">
            {noisy.data.summary}
          </p>
        )}
      </div>
    </section>
  );
}

interface ClientColumnProps {
  slot: ClientSlot;
  signedIn: boolean;
  answers: Answers;
  busy: boolean;
  onSignIn(): void;
  onAsk(server: TenancyServer): void;
  onDisconnect(): void;
}

function ClientColumn({ slot, signedIn, answers, busy, onSignIn, onAsk, onDisconnect }: ClientColumnProps) {
  const label = LABELS[slot];
  const verdict = leakVerdict(label, answers.production, answers.naive);
  return (
    <section aria-label={label} data-testid={`tenant-${slot}`} data-signed-in={signedIn} className="min-w-0 space-y-3 rounded-md border border-border p-4">
      <h3 className="text-xl font-semibold">{label}</h3>
      <p className="text-sm">{signedIn ? 'Signed in (this tab holds this server\'s access token, nothing more).' : 'Not signed in.'}</p>
      <div className="flex flex-wrap gap-2">
        {!signedIn && (
          <button type="button" className={PRIMARY_BUTTON} disabled={busy} onClick={onSignIn} aria-label={`Sign in ${label}`}>
            Sign in
          </button>
        )}
        {signedIn && (
          <>
            <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={() => onAsk('naive')} aria-label={`Ask the naive server (${label})`}>
              Ask the naive server
            </button>
            <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={() => onAsk('production')} aria-label={`Ask the production server (${label})`}>
              Ask the production server
            </button>
            <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={onDisconnect} aria-label={`Disconnect ${label}`}>
              Disconnect
            </button>
          </>
        )}
      </div>
      {(['naive', 'production'] as const).map((server) => {
        const answer = answers[server];
        if (!answer) return null;
        return (
          <div key={server} data-testid={`answer-${slot}-${server}`} data-outcome={answer.outcome} data-account={answer.account} className="text-sm">
            <p className="font-semibold">{server === 'naive' ? 'Naive server' : 'Production server'}</p>
            {answer.outcome === 'ok' ? (
              <p>
                {answer.taskIds.length} tasks of <strong>{answer.account ?? 'an unnamed account'}</strong> ({Math.round(answer.ms)} ms)
              </p>
            ) : (
              <p className="font-mono break-words">{answer.message}</p>
            )}
          </div>
        );
      })}
      {verdict && (
        <p data-testid={`verdict-${slot}`} data-leaked={verdict.leaked} className={verdict.leaked ? `${ALERT} text-sm` : 'text-sm'}>
          {verdict.sentence}
        </p>
      )}
    </section>
  );
}
