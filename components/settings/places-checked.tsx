/** Every place discovery looked, found or not: the answer to "did it even read my file?". */
import type { LookedAt } from '@/lib/config';
import { SOURCE_LABELS } from './sources';

export function PlacesChecked({ lookedAt }: { lookedAt: LookedAt[] }) {
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-4 py-2 text-base font-medium">Every place that was checked, in order</summary>
      <ol className="space-y-1 px-4 pb-3">
        {lookedAt.map((place) => (
          <li key={`${place.source}:${place.origin}`} className="flex flex-wrap gap-x-3">
            <span className={`w-24 font-semibold ${place.found ? '' : 'text-muted'}`}>{place.found ? 'found' : 'not found'}</span>
            <span className="w-36">{SOURCE_LABELS[place.source]}</span>
            <code className="font-mono break-all">{place.origin}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}
