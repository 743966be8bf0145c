/**
 * Shown next to the production server's "no token" error: the three ways to
 * give the real backend a token, in plain words rather than a stack trace.
 */
import Link from 'next/link';
import type { PanelSettings } from '@/lib/lessons/schema';

/** The production server's error text for real mode without a token (lib/mcp/source.ts, MissingTokenError). */
export function isMissingTokenError(text: string): boolean {
  return text.includes('No Todoist API token is configured');
}

export function MissingTokenHelp({ settings }: { settings: PanelSettings }) {
  return (
    <div data-testid="missing-token-help" className="rounded-md border-2 border-sky-600 bg-sky-50 px-4 py-3 text-sky-950 dark:bg-sky-950 dark:text-sky-50">
      <p className="font-semibold">This is the right answer: no token, so no data — and it says how to fix it.</p>
      {settings.token === 'missing' && (
        <p className="mt-1 text-sm">
          Here the missing token is simulated (Token: <code className="font-mono">missing</code>). Pick{' '}
          <code className="font-mono">configured</code> to use this machine&apos;s token, if it has one.
        </p>
      )}
      <p className="mt-2 text-sm font-semibold">Three ways to give the server a token:</p>
      <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm leading-relaxed">
        <li>
          <strong>Environment:</strong> start the app with <code className="font-mono">TODOIST_API_TOKEN=…</code> set.
        </li>
        <li>
          <strong>Config file:</strong> <code className="font-mono">{'{ "todoistApiToken": "…" }'}</code> in{' '}
          <code className="font-mono">dojo.config.json</code> (project folder) or{' '}
          <code className="font-mono">~/.config/mcp-dojo/config.json</code>.
        </li>
        <li>
          <strong>Settings page:</strong>{' '}
          <Link href="/settings" className="font-semibold underline underline-offset-2">
            save a token in Settings
          </Link>
          ; it applies to the next call, no restart.
        </li>
      </ol>
    </div>
  );
}
