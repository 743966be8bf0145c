/**
 * One real HTTP request a lesson 9 demo made, and its answer: who sent it to
 * whom, the headers that matter (tokens redacted), and what came back.
 */
import type { DemoExchange, Verdict } from '@/lib/security/attacks/report';

export function ExchangeView({ exchange }: { exchange: DemoExchange }) {
  const { request, response, token } = exchange;
  return (
    <li className="space-y-1 rounded-md border border-border p-3 text-sm" data-testid="exchange" data-status={response.status}>
      <p className="font-semibold">{exchange.step}</p>
      <p className="text-muted">
        {exchange.from} → {exchange.to}
      </p>
      <p className="font-mono break-all">
        {request.method} {request.url}
      </p>
      {Object.entries(request.headers).map(([name, value]) => (
        <p key={name} className="font-mono break-all text-muted">
          {name}: {value}
        </p>
      ))}
      {token && (
        <p className="break-words">
          Token {token.redacted}
          {token.audience && <> · issued for {token.audience}</>}
          {token.scopes && <> · scopes {token.scopes.join(' ')}</>}
        </p>
      )}
      <p className="font-mono break-all">
        → <strong>{response.status}</strong>
        {response.headers['www-authenticate'] && <> · WWW-Authenticate: {response.headers['www-authenticate']}</>}
      </p>
      <p>{response.summary}</p>
      {response.taskTitles && response.taskTitles.length > 0 && (
        <p className="break-words">
          Tasks read{response.account && <> from {response.account}</>}: {response.taskTitles.join(' · ')}
        </p>
      )}
      {response.error && <p className="font-mono break-words text-muted">{response.error}</p>}
    </li>
  );
}

export function VerdictLine({ verdict, testId }: { verdict: Verdict; testId: string }) {
  const refused = verdict.attack === 'refused';
  return (
    <p
      data-testid={testId}
      data-attack={verdict.attack}
      className={`rounded-md border-2 px-3 py-2 text-base ${refused ? 'border-success' : 'border-danger'}`}
    >
      <strong>{refused ? 'Refused.' : 'The attack worked.'}</strong> {verdict.summary}
    </p>
  );
}
