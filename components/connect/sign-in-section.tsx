/**
 * /connect's sign-in part: the OAuth-protected endpoint for Claude Code and the
 * Inspector, whether this server will ask for a sign-in at all (multi-user
 * mode), whose consent page the browser reaches, and every step with its URL.
 * A server component: it gets plain strings, never a secret.
 */
import type { ConnectSnippets } from '@/lib/mcp/connect-snippets';
import type { SignInStep } from '@/lib/mcp/connect-sign-in';
import { CopyBlock } from './copy-block';

interface SignInSectionProps {
  snippets: ConnectSnippets['signIn'];
  steps: SignInStep[];
  /** DOJO_SERVER_WIDE_TOKEN=off: a call without a token is answered 401, so the client signs in. */
  multiUser: boolean;
  /** TODOIST_CLIENT_ID and TODOIST_CLIENT_SECRET are set: consent at Todoist, else at the built-in stand-in. */
  todoistConfigured: boolean;
}

export function SignInSection({ snippets, steps, multiUser, todoistConfigured }: SignInSectionProps) {
  return (
    <section aria-labelledby="sign-in" className="space-y-3">
      <h2 id="sign-in" className="text-xl font-semibold">
        Your own Todoist, signed in (OAuth)
      </h2>
      <p className="text-muted">
        The real endpoint with no learner id is an OAuth-protected resource: the client signs you in in the browser, and this server then
        uses <em>your</em> Todoist token, which it keeps for you. The client only ever holds this server&apos;s own short-lived token. In
        Claude Code, add it, then type <code>/mcp</code>, choose <code>mcp-dojo</code> and Authenticate; the browser opens.
      </p>
      <CopyBlock id="claude-code-sign-in" label="Claude Code — sign in" text={snippets.claudeCode} />
      <CopyBlock id="inspector-sign-in" label="MCP Inspector CLI — sign in" text={snippets.inspector} />
      <p className="text-muted">
        In the Inspector&apos;s web UI, choose Streamable HTTP and paste <code className="break-all">{snippets.endpoint}</code>: on the
        server&apos;s 401 it runs the same sign-in.
      </p>
      <p data-testid="sign-in-mode" className="rounded-md border-l-4 border-accent bg-surface px-4 py-3">
        {multiUser ? (
          <>
            This server is in <strong>multi-user mode</strong> (<code>DOJO_SERVER_WIDE_TOKEN=off</code>): a real Todoist call without a token
            is answered 401, so your client signs you in.
          </>
        ) : (
          <>
            This server is in <strong>single-user mode</strong>: a call without a token uses the server-wide token (or says none is set), so
            no client is asked to sign in. To try the sign-in, start the app with <code>DOJO_SERVER_WIDE_TOKEN=off</code>, e.g.{' '}
            <code>DOJO_SERVER_WIDE_TOKEN=off npm run dev</code>.
          </>
        )}
      </p>
      <p data-testid="sign-in-upstream" className="text-muted">
        {todoistConfigured
          ? 'Consent happens on Todoist’s own page: this server is registered as a Todoist app (TODOIST_CLIENT_ID, TODOIST_CLIENT_SECRET).'
          : 'No Todoist app is configured (TODOIST_CLIENT_ID, TODOIST_CLIENT_SECRET), so consent happens on the built-in stand-in, with sample users: no Todoist account or network needed.'}
      </p>
      <h3 className="pt-2 text-lg font-semibold">What happens, step by step</h3>
      <ol data-testid="sign-in-steps" className="list-decimal space-y-3 pl-6">
        {steps.map((step) => (
          <li key={step.title}>
            <strong>{step.title}</strong>
            <code className="block text-sm break-all">{step.url}</code>
            <span className="text-muted">{step.detail}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
