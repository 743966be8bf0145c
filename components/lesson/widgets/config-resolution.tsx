'use client';
/**
 * Lesson 2's widget. Above: the running server's own resolution table (GET
 * /api/settings, the same body the settings page reads), and which source won
 * the token. Below: what a broken configuration says, word for word.
 */
import Link from 'next/link';
import { ConfigTable } from '@/components/settings/config-table';
import { PlacesChecked } from '@/components/settings/places-checked';
import { isReport } from '@/components/settings/sources';
import { useSettings } from '@/components/settings/use-settings';
import { ALERT, SECONDARY_BUTTON } from '@/components/ui/styles';
import { useHydrated } from '../panel/use-hydrated';
import { ConfigErrorGallery } from './parts/config-error-gallery';
import { ConfigTokenSource } from './parts/config-token-source';

export function ConfigResolution() {
  return (
    <div data-testid="widget-config-resolution" className="space-y-12">
      <RunningConfiguration />
      <section aria-labelledby="config-errors-heading" data-testid="config-error-gallery" className="space-y-4">
        <h2 id="config-errors-heading" className="text-2xl font-bold tracking-tight">
          What a broken configuration says
        </h2>
        <p className="leading-relaxed text-muted">
          Each message below was made just now, on the server, by running <code className="font-mono">resolveConfig</code> — the code
          that reads this server&apos;s configuration — against a throwaway file or environment. Each names the file, key or variable at
          fault and the fix; the fake token in the inputs never appears in a message.
        </p>
        <ConfigErrorGallery />
      </section>
    </div>
  );
}

function RunningConfiguration() {
  const settings = useSettings();
  const hydrated = useHydrated();
  const body = settings.data;
  return (
    <section aria-labelledby="config-running-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="config-running-heading" className="text-2xl font-bold tracking-tight">
          The running server&apos;s configuration
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => settings.refetch()} disabled={!hydrated || settings.isFetching} className={SECONDARY_BUTTON}>
            {settings.isFetching ? 'Reading…' : 'Refresh'}
          </button>
          <Link href="/settings" className="font-semibold underline underline-offset-4">
            Open Settings
          </Link>
        </div>
      </div>
      <p className="leading-relaxed text-muted">
        Read from <code className="font-mono">GET /api/settings</code>: every source, read again on each request. Save a token in Settings
        and come back, or press Refresh after changing a file.
        {/* Always in the page, so a screen reader hears each refresh. */}
        <span aria-live="polite" className="ml-1">
          {settings.dataUpdatedAt > 0 && `Read at ${new Date(settings.dataUpdatedAt).toLocaleTimeString()}.`}
        </span>
      </p>
      {settings.isPending && <p className="text-muted">Reading the configuration…</p>}
      {settings.isError && (
        <p role="alert" className={ALERT}>
          Could not load the settings: {settings.error.message}
        </p>
      )}
      {body && !isReport(body) && (
        // A broken source is reported, not skipped: the table gives way to the error that names it.
        <div role="alert" data-testid="config-error" className={ALERT}>
          <p className="font-semibold">The configuration could not be read. The server says:</p>
          <p className="mt-1 font-mono text-sm break-words">{body.error}</p>
        </div>
      )}
      {body && isReport(body) && (
        <>
          <ConfigTokenSource report={body} />
          {/* The lesson column is narrow: keep variable names whole here (the shared table may break them anywhere). */}
          <div className="[&_[data-column=source]_code]:[word-break:normal] [&_[data-column=source]_code]:[overflow-wrap:break-word]">
            <ConfigTable report={body} caption="Where each setting comes from, right now" />
          </div>
          <PlacesChecked lookedAt={body.lookedAt} />
        </>
      )}
    </section>
  );
}
