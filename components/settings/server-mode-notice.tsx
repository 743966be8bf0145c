/**
 * Which mode the server is in, said plainly at the top of /settings: in
 * single-user mode a server-wide token answers for everyone who has not
 * signed in — fine on your own machine, a leak on a shared one — and in
 * multi-user mode nobody's token is shared. No state: the report decides.
 */
import { SERVER_WIDE_TOKEN_SWITCH, type ServerModeReport } from '@/lib/config/server-mode';
import { NOTE_CLASSES } from './styles';

const CODE = 'font-mono text-[0.95em]';

export function ServerModeNotice({ serverMode }: { serverMode: ServerModeReport }) {
  const multiUser = serverMode.mode === 'multi-user';
  return (
    <section
      aria-labelledby="server-mode-heading"
      data-testid="server-mode"
      data-mode={serverMode.mode}
      className={`space-y-3 rounded-lg border-2 bg-surface p-5 ${multiUser ? 'border-success' : 'border-accent'}`}
    >
      <h2 id="server-mode-heading" className="text-xl font-semibold">
        {multiUser
          ? 'Multi-user mode: each person signs in with their own Todoist account; no shared token is used'
          : 'Single-user mode: a saved token is used for every caller without a sign-in'}
      </h2>
      <p data-testid="whose-token" className="text-base leading-relaxed">
        Whose Todoist token a real-backend call without a sign-in would use: {serverMode.withoutSignIn}.
      </p>
      <p className="text-base leading-relaxed">
        Signed-in callers (OAuth: your MCP client on the protected endpoint, or the sign-in of lesson 7) always use their own Todoist
        token, which this server keeps for them and never hands to the client.
      </p>
      {multiUser ? <MultiUserDetails ignoredServerWideToken={serverMode.ignoredServerWideToken} /> : <SharedDeploymentWarning />}
    </section>
  );
}

function SharedDeploymentWarning() {
  return (
    <p data-testid="shared-deployment-warning" className={NOTE_CLASSES}>
      <strong>On a shared deployment, this means everyone reads and writes that one Todoist account.</strong> To turn it off, set{' '}
      <code className={CODE}>{SERVER_WIDE_TOKEN_SWITCH}=off</code> in the server&apos;s environment and restart it: then each person signs
      in with their own Todoist account, and this page no longer saves a token.
    </p>
  );
}

function MultiUserDetails({ ignoredServerWideToken }: { ignoredServerWideToken: boolean }) {
  return (
    <>
      <p className="text-base leading-relaxed">
        <code className={CODE}>{SERVER_WIDE_TOKEN_SWITCH}=off</code> is set, so this page does not save a token. To read your Todoist,
        sign in through your MCP client (it opens the sign-in page when the server answers 401) or with the sign-in of lesson 7.
      </p>
      {ignoredServerWideToken && (
        <p data-testid="ignored-token-note" className={NOTE_CLASSES}>
          A server-wide token is still configured (see the table below). Multi-user mode does not use it; remove it if nothing else
          needs it.
        </p>
      )}
    </>
  );
}
