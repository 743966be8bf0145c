'use client';
/**
 * The browser client's redirect URI: checks that this is the answer to the
 * sign-in this tab started (the `state`), then lets the SDK exchange the code
 * — with the PKCE verifier only this tab knows — for this app's tokens, and
 * goes back to the lesson. A refusal or a mismatch is said plainly.
 */
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ALERT } from '@/components/ui/styles';
import { BrowserOAuthProvider, safeReturnPath, takePendingSignIn } from '@/lib/mcp/client/oauth-provider';

type Outcome = { kind: 'working' } | { kind: 'failed'; title: string; detail: string; back: string };

export function FinishSignIn() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });
  const started = useRef(false);

  useEffect(() => {
    // Once: the pending sign-in is removed as it is read (React runs effects twice in development).
    if (started.current) return;
    started.current = true;
    void finish().then((failed) => failed && setOutcome(failed));
  }, []);

  if (outcome.kind === 'working') {
    return (
      <p role="status" className="mt-4 text-base">
        Finishing the sign-in…
      </p>
    );
  }
  return (
    <div role="alert" data-testid="sign-in-failed" className={`mt-4 space-y-3 ${ALERT}`}>
      <p className="text-lg font-semibold">{outcome.title}</p>
      <p className="text-base">{outcome.detail}</p>
      <Link href={outcome.back} className="inline-block text-accent underline underline-offset-4">
        Back to the lesson
      </Link>
    </div>
  );
}

async function finish(): Promise<Outcome | undefined> {
  const params = new URLSearchParams(window.location.search);
  const pending = takePendingSignIn(window.sessionStorage);
  if (!pending) {
    return failed('No sign-in was under way in this tab', 'Start it again from the lesson, in the same tab (sign-ins are kept per tab).', '/');
  }
  const back = safeReturnPath(pending.returnTo);
  if (!pending.state || params.get('state') !== pending.state) {
    return failed('This answer is not for the sign-in this tab started', 'Its state did not match, so it was ignored (it may be forged or stale). Sign in again.', back);
  }
  const error = params.get('error');
  if (error) {
    const why = error === 'access_denied' ? 'Consent was refused, so nothing was shared with this app.' : `The authorization server answered "${error}".`;
    return failed('Not signed in', `${why} ${params.get('error_description') ?? ''} You can sign in again from the lesson.`.trim(), back);
  }
  const code = params.get('code');
  if (!code) return failed('Not signed in', 'The answer carried no authorization code. Sign in again from the lesson.', back);

  const provider = new BrowserOAuthProvider(pending.slot, {
    origin: window.location.origin,
    scope: '',
    storage: window.sessionStorage,
    serverUrl: pending.serverUrl,
    returnTo: back,
    navigate: () => {
      throw new Error('The code exchange asked for another sign-in.');
    },
  });
  try {
    const { finishSignIn } = await import('@/lib/mcp/client/sign-in');
    await finishSignIn(provider, pending.serverUrl, code, params.get('iss') ?? undefined);
  } catch (exchange) {
    const message = exchange instanceof Error ? exchange.message : String(exchange);
    return failed('The sign-in could not be finished', `Exchanging the code for a token failed: ${message}. Sign in again.`, back);
  }
  window.location.replace(back);
  return undefined;
}

function failed(title: string, detail: string, back: string): Outcome {
  return { kind: 'failed', title, detail, back };
}
