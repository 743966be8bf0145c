'use client';
/**
 * The live part of /settings: the server's mode (whose token a call uses), the
 * backend status, the resolution table and the two forms, all drawn from
 * GET /api/settings and refreshed by each save.
 */
import { ErrorWithRetry } from '@/components/ui/error-with-retry';
import { BackendStatus } from './backend-status';
import { BaseUrlForm } from './base-url-form';
import { ConfigTable } from './config-table';
import { PlacesChecked } from './places-checked';
import { RemoveSavedValues } from './remove-saved-values';
import { ServerModeNotice } from './server-mode-notice';
import { isReport } from './sources';
import { TokenForm } from './token-form';
import { useSettings } from './use-settings';

export function SettingsPanel() {
  const settings = useSettings();

  if (settings.isPending) return <p className="text-lg text-muted">Reading the configuration…</p>;
  const problem = settings.isError ? `Could not load the settings: ${settings.error.message}` : undefined;
  const body = settings.data;
  if (problem || !body || !isReport(body)) {
    return (
      <div className="space-y-8">
        <ErrorWithRetry
          title="The configuration could not be read."
          detail={problem ?? (body && !isReport(body) ? body.error : 'No answer from the server.')}
          retryLabel="Check again"
          onRetry={() => settings.refetch()}
          retrying={settings.isFetching}
        />
        {/* The server answered with a configuration error (not a dead server): a saved value may be the cause. */}
        {body && !isReport(body) && <RemoveSavedValues />}
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <ServerModeNotice serverMode={body.serverMode} />
      <BackendStatus report={body} />
      <div className="space-y-3">
        <ConfigTable report={body} />
        <PlacesChecked lookedAt={body.lookedAt} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <TokenForm token={body.keys.todoistApiToken} savingAllowed={body.serverMode.mode === 'single-user'} />
        <BaseUrlForm baseUrl={body.keys.todoistApiBaseUrl} />
      </div>
    </div>
  );
}
