/** Can the real Todoist backend be used, and which source supplies its token? */
import type { SettingsReport } from '@/lib/config/settings-endpoint';
import { SOURCE_LABELS, winningEntry } from './sources';

// Theme tokens rather than dark: utilities, so the system theme gets them right too.
const CONFIGURED = 'border-success';
const NOT_CONFIGURED = 'border-accent';

export function BackendStatus({ report }: { report: SettingsReport }) {
  if (report.serverMode.mode === 'multi-user') return <MultiUserBackendStatus />;
  const token = winningEntry(report.keys.todoistApiToken);
  const baseUrl = report.keys.todoistApiBaseUrl.display;
  return (
    <section
      aria-labelledby="backend-status-heading"
      data-testid="backend-status"
      className={`rounded-lg border-2 bg-surface p-5 ${report.realConfigured ? CONFIGURED : NOT_CONFIGURED}`}
    >
      <h2 id="backend-status-heading" className="text-xl font-semibold">
        Real backend:{' '}
        {report.realConfigured && token
          ? `configured from ${SOURCE_LABELS[token.source].toLowerCase()} (${token.origin})`
          : 'not configured'}
      </h2>
      {report.realConfigured ? (
        <p className="mt-2 text-base leading-relaxed">
          Sessions with <code className="font-mono">backend=real</code> call <code className="font-mono break-all">{baseUrl}</code>{' '}
          with this token. The mock backend needs no token.
        </p>
      ) : (
        <p className="mt-2 text-base leading-relaxed">{report.whereToSetToken}</p>
      )}
    </section>
  );
}

/** Multi-user mode: there is no server-wide "configured or not", only each person's own sign-in. */
function MultiUserBackendStatus() {
  return (
    <section aria-labelledby="backend-status-heading" data-testid="backend-status" className={`rounded-lg border-2 bg-surface p-5 ${CONFIGURED}`}>
      <h2 id="backend-status-heading" className="text-xl font-semibold">
        Real backend: each signed-in person&apos;s own Todoist account
      </h2>
      <p className="mt-2 text-base leading-relaxed">
        Sessions with <code className="font-mono">backend=real</code> use the Todoist token this server keeps for whoever is signed in.
        The mock backend needs no token.
      </p>
    </section>
  );
}
