/**
 * Where a tool's answer came from, read from `_meta["dojo/provenance"]` —
 * the machine-readable label, which the naive strategy keeps even though it
 * drops the "Source:" line from the text.
 */
import { PROVENANCE_META_KEY, breakerChangesOf, parseProvenance, type Provenance } from '@/lib/mcp/provenance';

type BadgeLabel = 'MOCK' | 'REAL' | 'CACHED-STALE' | 'DEGRADED' | 'UNKNOWN';

const BADGE_STYLES: Record<BadgeLabel, string> = {
  MOCK: 'border-amber-500 bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  REAL: 'border-emerald-600 bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  'CACHED-STALE': 'border-orange-600 bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200',
  DEGRADED: 'border-red-600 bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  UNKNOWN: 'border-border text-muted',
};

export function provenanceFromMeta(meta: Record<string, unknown> | undefined): Provenance | undefined {
  return parseProvenance(meta?.[PROVENANCE_META_KEY]);
}

/** The main label says where the data came from; DEGRADED is added when it is not the complete, live truth. */
export function badgeLabels(provenance: Provenance | undefined): BadgeLabel[] {
  if (!provenance) return ['UNKNOWN'];
  if (provenance.source === 'cache') return ['CACHED-STALE']; // stale is already the warning
  const origin: BadgeLabel = provenance.backend === 'mock' ? 'MOCK' : 'REAL';
  return provenance.degraded ? [origin, 'DEGRADED'] : [origin];
}

export function ProvenanceBadge({ meta }: { meta: Record<string, unknown> | undefined }) {
  const provenance = provenanceFromMeta(meta);
  const labels = badgeLabels(provenance);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="sr-only">Provenance:</span>
      <span data-testid="provenance-badge" className="flex gap-1.5">
        {labels.map((label) => (
          <span key={label} className={`rounded-md border-2 px-2.5 py-0.5 font-mono text-sm font-bold tracking-wide ${BADGE_STYLES[label]}`}>
            {label}
          </span>
        ))}
      </span>
      <span data-testid="provenance-description" data-tenant={provenance?.tenant} className="text-sm text-muted">
        {describe(provenance, breakerChangesOf(meta))}
      </span>
    </div>
  );
}

function describe(provenance: Provenance | undefined, breakerChanges: string[]): string {
  if (!provenance) return 'No dojo/provenance in _meta: the source of this answer is unknown.';
  const parts = [
    provenance.backend === 'mock'
      ? `mock scenario "${provenance.scenario ?? '?'}"`
      : provenance.upstream === 'standin'
        ? 'Todoist stand-in on this machine (sample data, not your account)'
        : 'Todoist API',
    provenance.source === 'cache' ? `cache, ${provenance.staleSeconds ?? '?'} s old` : 'live',
    `${provenance.pages} page${provenance.pages === 1 ? '' : 's'}`,
    `${provenance.requests} request${provenance.requests === 1 ? '' : 's'}`,
    ...(provenance.retries ? [`${provenance.retries} retr${provenance.retries === 1 ? 'y' : 'ies'}`] : []),
    ...breakerChanges.map((change) => `breaker ${change}`),
    `${Math.round(provenance.durationMs)} ms`,
    ...(provenance.workspace ? [`workspace ${provenance.workspace}`] : []),
    ...(provenance.tenant ? [`for ${whose(provenance)}`] : []),
  ];
  return parts.join(' · ') + (provenance.note ? ` — ${provenance.note}` : '');
}

/** Whose data: a signed-in user's name, else the tenant key every store used (a learner's is the unsigned half of their id). */
function whose(provenance: Provenance): string {
  if (provenance.account) return provenance.account;
  return provenance.tenant!.startsWith('anon-') ? 'an anonymous caller (throwaway workspace)' : `tenant ${provenance.tenant}`;
}
