/**
 * The resolution table's answer to "which token is this server using?", in
 * one sentence: the winning source, the masked value, and what it shadows.
 */
import type { SettingsReport } from '@/lib/config/settings-endpoint';
import { SOURCE_LABELS, winningEntry } from '@/components/settings/sources';

export function ConfigTokenSource({ report }: { report: SettingsReport }) {
  const token = report.keys.todoistApiToken;
  const winner = winningEntry(token);
  if (!report.realConfigured || !winner) {
    return (
      <div data-testid="token-source" className="rounded-md border-l-4 border-accent bg-surface px-4 py-3 leading-relaxed">
        <p className="font-semibold">No source sets a token, so real mode answers with an error instead of data:</p>
        <p className="mt-1">{report.whereToSetToken}</p>
      </div>
    );
  }
  return (
    <p data-testid="token-source" className="rounded-md border-l-4 border-success bg-surface px-4 py-3 text-lg leading-relaxed">
      The token comes from the <strong>{SOURCE_LABELS[winner.source].toLowerCase()}</strong> (
      <code className="font-mono break-words">{winner.origin}</code>), shown as <code className="font-mono">{winner.display}</code>.{' '}
      {token.shadowed.length === 0
        ? 'No other source sets one.'
        : `It shadows ${token.shadowed.length === 1 ? 'one more value' : `${token.shadowed.length} more values`}: ${token.shadowed
            .map((entry) => SOURCE_LABELS[entry.source].toLowerCase())
            .join(', ')} — set, but not used.`}
    </p>
  );
}
