'use client';
/**
 * Lesson 9, least privilege and step-up, in this very browser: a client of
 * its own signs in with `tasks:read` only (the real flow, through the Todoist
 * stand-in's consent page), tries to complete one of the user's tasks and is
 * refused with 403 insufficient_scope. Then the SDK's own step-up asks the
 * user for the union of scopes — a trip to the consent page and back — and
 * the same call goes through.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import {
  READ_ONLY_SCOPE,
  STEP_UP_ANCHOR,
  STEP_UP_SLOT,
  STEP_UP_STATE_KEY,
  challengeScopes,
  describeStepUp,
  missingScopes,
  readStepUpState,
  scopesOf,
  todoistScopeFor,
  type ScopeRefusal,
  type StepUpState,
  type StepUpTask,
} from '@/lib/lessons/widgets/step-up';
import type { CompleteAttempt } from '@/lib/mcp/client/step-up-calls';
import { BrowserOAuthProvider } from '@/lib/mcp/client/oauth-provider';
import { ensureLearner } from '../../panel/ensure-learner';
import { useHydrated } from '../../panel/use-hydrated';

const serverUrl = () => `${window.location.origin}/api/mcp`;

/** The card's client. Only sign-in and step-up may leave the page; any other call that would, says so instead. */
function providerFor(navigate?: (url: URL) => void): BrowserOAuthProvider {
  return new BrowserOAuthProvider(STEP_UP_SLOT, {
    origin: window.location.origin,
    scope: READ_ONLY_SCOPE,
    storage: window.sessionStorage,
    serverUrl: serverUrl(),
    returnTo: `${window.location.pathname}#${STEP_UP_ANCHOR}`,
    navigate:
      navigate ??
      (() => {
        throw new Error('Signed out: the server answered 401 and this client could not refresh its token. Start over.');
      }),
  });
}

// The token's scope and the demo's state live in sessionStorage (they must survive the consent page): re-read on change.
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const notify = () => listeners.forEach((listener) => listener());
/** null when signed out; else the token's scope string (space-separated). */
const tokenScopeSnapshot = () => {
  const tokens = providerFor().tokens();
  return tokens ? (tokens.scope ?? '') : null;
};
const stateSnapshot = () => window.sessionStorage.getItem(STEP_UP_STATE_KEY);

function saveState(state: StepUpState | undefined): void {
  if (state) window.sessionStorage.setItem(STEP_UP_STATE_KEY, JSON.stringify(state));
  else window.sessionStorage.removeItem(STEP_UP_STATE_KEY);
  notify();
}

type RefusedState = Extract<StepUpState, { phase: 'refused' }>;
type SteppingUpState = Extract<StepUpState, { phase: 'stepping-up' }>;

async function loadCalls() {
  return import('@/lib/mcp/client/step-up-calls');
}

export function StepUpAttack({ onObserved }: { onObserved(summary: string): void }) {
  const hydrated = useHydrated();
  const tokenScope = useSyncExternalStore(subscribe, tokenScopeSnapshot, () => null);
  const storedState = useSyncExternalStore(subscribe, stateSnapshot, () => null);
  const state = useMemo(() => readStepUpState(storedState), [storedState]);
  const signedIn = tokenScope !== null;
  const tokenScopes = scopesOf(tokenScope ?? undefined);
  // Set once the browser is sent to the consent page: the call that sent it there has not failed.
  const [leaving, setLeaving] = useState(false);
  const leavingRef = useRef(false);
  const leave = (url: URL) => {
    leavingRef.current = true;
    setLeaving(true);
    window.location.assign(url);
  };
  const [notice, setNotice] = useState<string>();
  const keepAndReport = (next: StepUpState | undefined) => {
    if (!next) return;
    saveState(next);
    onObserved(describeStepUp(next));
  };

  const signIn = useMutation({
    mutationFn: async () => {
      await ensureLearner(); // the stand-in's sample accounts are per learner
      saveState(undefined);
      const { startSignIn } = await import('@/lib/mcp/client/sign-in');
      return startSignIn(providerFor(leave), serverUrl(), READ_ONLY_SCOPE);
    },
    onSettled: notify,
  });

  const tryComplete = useMutation({
    mutationFn: async () => {
      const { firstOwnTask, completeTask } = await loadCalls();
      const provider = providerFor();
      const task = await firstOwnTask(provider);
      if (!task) throw new Error('This account has no open task left to complete. Start over and sign in as another sample user.');
      const granted = scopesOf(provider.tokens()?.scope);
      return settle(task, undefined, await completeTask(provider, task.id, 'show-refusal'), granted);
    },
    onSuccess: (next) => {
      setNotice(undefined);
      keepAndReport(next);
    },
  });

  // A step-up started on this very page load is the SDK's to finish; only one found on arrival is resumed.
  const stepUpStartedHere = useRef(false);
  const stepUp = useMutation({
    mutationFn: async (refused: RefusedState) => {
      stepUpStartedHere.current = true;
      // Kept before the SDK leaves the page: back from consent, the card knows which call to make again.
      saveState({ ...refused, phase: 'stepping-up' });
      const { completeTask } = await loadCalls();
      const provider = providerFor(leave);
      try {
        // Returns only if no consent was needed; otherwise the SDK has sent the browser to the consent page.
        const attempt = await completeTask(provider, refused.task.id, 'step-up');
        return settle(refused.task, refused.refusal, attempt, scopesOf(provider.tokens()?.scope));
      } catch (error) {
        if (leavingRef.current) return undefined;
        throw error;
      }
    },
    onSuccess: keepAndReport,
    onError: (_error, refused) => saveState(refused),
  });

  // Back from the consent page: the SDK's retry did not survive the page load, so the card makes the call again.
  const resume = useMutation({
    mutationFn: async (pending: SteppingUpState) => {
      const { completeTask } = await loadCalls();
      const provider = providerFor();
      const granted = scopesOf(provider.tokens()?.scope);
      return settle(pending.task, pending.refusal, await completeTask(provider, pending.task.id, 'show-refusal'), granted);
    },
    onSuccess: (next) => {
      if (next.phase === 'refused') setNotice(`The token still carries only ${next.refusal.grantedScopes.join(' ') || 'no scope'}: the step-up did not finish (was consent refused?).`);
      keepAndReport(next);
    },
    onError: (_error, pending) => saveState({ ...pending, phase: 'refused' }),
  });
  const resumeCall = resume.mutate;
  const resumed = useRef(false);
  useEffect(() => {
    // Once per page load (React may run effects twice), and never for the step-up this page is running itself.
    if (resumed.current || state?.phase !== 'stepping-up' || stepUpStartedHere.current) return;
    resumed.current = true;
    resumeCall(state);
  }, [state, resumeCall]);

  const startOver = useMutation({
    mutationFn: async () => {
      const { revokeSignIn } = await loadCalls();
      saveState(undefined);
      await revokeSignIn(providerFor());
    },
    onSettled: () => {
      setNotice(undefined);
      notify();
    },
  });

  const busy = !hydrated || leaving || signIn.isPending || tryComplete.isPending || stepUp.isPending || resume.isPending || startOver.isPending;
  const error = leaving ? null : (signIn.error ?? tryComplete.error ?? stepUp.error ?? resume.error ?? startOver.error);
  const refused = state?.phase === 'refused' ? state : undefined;
  const alreadyWide = tokenScopes.includes('tasks:write');

  return (
    <section
      id={STEP_UP_ANCHOR}
      aria-labelledby="step-up-heading"
      data-testid="attack-step-up"
      data-phase={state?.phase ?? (signedIn ? 'signed-in' : 'signed-out')}
      className="space-y-4 rounded-md border border-border p-4"
    >
      <h3 id="step-up-heading" className="text-xl font-semibold">
        Least privilege and step-up
      </h3>
      <div className="space-y-2 text-base leading-relaxed">
        <p>
          A client should hold only the scopes it needs now. This one signs in with <code>{READ_ONLY_SCOPE}</code> only — pick any sample
          user on the stand-in&apos;s consent page. When it tries to complete one of your tasks, the server refuses with{' '}
          <code>403 insufficient_scope</code> and names the scope it wants. The SDK&apos;s client then asks you for the union of the scopes
          (a refresh cannot widen a token, so it is a new consent), and the call goes through.
        </p>
        <p>
          A server that gives every client full access never needs any of this — and there, a stolen token from a client that only ever
          read tasks could complete or delete every one of them.
        </p>
      </div>

      {error && (
        <p role="alert" className={ALERT}>
          {error.message}
        </p>
      )}
      {notice && (
        <p role="alert" className={ALERT}>
          {notice}
        </p>
      )}

      <div className="space-y-2">
        <p data-testid="step-up-token" data-scopes={tokenScopes.join(' ')} className="text-sm">
          {signedIn ? (
            <>
              Signed in. This client&apos;s token carries <ScopeList scopes={tokenScopes} />.
            </>
          ) : (
            'Not signed in.'
          )}
        </p>
        <div className="flex flex-wrap gap-2">
          {!signedIn && (
            <button type="button" className={PRIMARY_BUTTON} disabled={busy} onClick={() => signIn.mutate()}>
              Sign in with {READ_ONLY_SCOPE} only
            </button>
          )}
          {signedIn && !state && (
            <button type="button" className={PRIMARY_BUTTON} disabled={busy || alreadyWide} onClick={() => tryComplete.mutate()}>
              Complete a task
            </button>
          )}
          {signedIn && refused && (
            <button type="button" className={PRIMARY_BUTTON} disabled={busy} onClick={() => stepUp.mutate(refused)}>
              Let the client ask for more (step-up)
            </button>
          )}
          {signedIn && (
            <button type="button" className={SECONDARY_BUTTON} disabled={busy} onClick={() => startOver.mutate()}>
              Start over
            </button>
          )}
        </div>
        {signedIn && !state && alreadyWide && <p className="text-sm">This token already carries tasks:write: start over to sign in read-only.</p>}
      </div>

      <div role="status" className="text-sm">
        {(signIn.isPending || leaving) && 'Leaving for the consent page…'}
        {tryComplete.isPending && 'Reading your tasks, then completing the first one…'}
        {resume.isPending && 'Back from the consent page: completing the task again…'}
      </div>

      {state && <RefusalView task={state.task} refusal={state.refusal} />}
      {state?.phase === 'completed' && <CompletionView state={state} />}
    </section>
  );
}

/** What the card keeps after an attempt: refused (first try, or the step-up did not widen the token) or completed. */
function settle(task: StepUpTask, earlier: ScopeRefusal | undefined, attempt: CompleteAttempt, granted: string[]): StepUpState {
  if (attempt.outcome === 'refused') {
    const refusal = { status: attempt.status, challenge: attempt.challenge, requiredScopes: challengeScopes(attempt.challenge), grantedScopes: granted };
    return { phase: 'refused', task, refusal };
  }
  const completion = { completed: attempt.completed, ...(attempt.nextDue && { nextDue: attempt.nextDue }), grantedScopes: granted };
  return { phase: 'completed', task, refusal: earlier, completion };
}

function RefusalView({ task, refusal }: { task: StepUpTask; refusal?: ScopeRefusal }) {
  if (!refusal) return null;
  const missing = missingScopes(refusal.requiredScopes, refusal.grantedScopes);
  return (
    <div data-testid="step-up-refusal" data-status={refusal.status} data-required={refusal.requiredScopes.join(' ')} className="min-w-0 space-y-2">
      <h4 className="text-lg font-semibold">
        <code>complete_task</code> with a {refusal.grantedScopes.join(' ') || 'scope-less'} token
      </h4>
      <p className="text-base">
        Task: <strong>{task.title}</strong> (the first of your open tasks, read with <code>list_tasks</code>).
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Answer</dt>
        <dd>HTTP {refusal.status} — the tool never ran</dd>
        <dt className="font-semibold">WWW-Authenticate</dt>
        <dd className="font-mono break-words">{refusal.challenge}</dd>
        <dt className="font-semibold">Scope asked for</dt>
        <dd>
          <ScopeList scopes={refusal.requiredScopes} /> (missing: <ScopeList scopes={missing} />)
        </dd>
        <dt className="font-semibold">Token held</dt>
        <dd>
          <ScopeList scopes={refusal.grantedScopes} />; Todoist access behind it: <code>{todoistScopeFor(refusal.grantedScopes)}</code>
        </dd>
      </dl>
    </div>
  );
}

function CompletionView({ state }: { state: Extract<StepUpState, { phase: 'completed' }> }) {
  const { task, completion, refusal } = state;
  const before = todoistScopeFor(refusal?.grantedScopes ?? []);
  const after = todoistScopeFor(completion.grantedScopes);
  return (
    <div data-testid="step-up-completed" data-scopes={completion.grantedScopes.join(' ')} className="min-w-0 space-y-2 rounded-md border-2 border-success px-3 py-2">
      <h4 className="text-lg font-semibold">After the step-up</h4>
      <p className="text-base">
        {completion.completed ? (
          <>
            Completed: <strong>{task.title}</strong>.
          </>
        ) : (
          <>
            <strong>{task.title}</strong> is recurring: it moved to {completion.nextDue ?? 'its next date'} instead of being completed.
          </>
        )}
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Token</dt>
        <dd>
          <ScopeList scopes={refusal?.grantedScopes ?? []} /> → <ScopeList scopes={completion.grantedScopes} />
        </dd>
        <dt className="font-semibold">Todoist</dt>
        <dd>
          <code>{before}</code> → <code>{after}</code>
        </dd>
      </dl>
      <p className="text-sm">
        The Todoist scopes are the ones this app&apos;s authorization server asks for on each consent (the stand-in&apos;s page says which:
        read, then read, change and delete). The server does not tell a client which Todoist scope it holds — the Todoist token stays on the server
        — so this line follows its rule rather than reading it back; the stand-in itself would have refused the write with{' '}
        <code>data:read</code>.
      </p>
    </div>
  );
}

function ScopeList({ scopes }: { scopes: readonly string[] }) {
  return scopes.length ? <code>{scopes.join(' ')}</code> : <em>none</em>;
}
