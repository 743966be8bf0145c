/**
 * For each setting: the value in effect (masked for the token), the source it
 * came from, and the values other sources also set but that lost ("shadowed").
 * Takes the body of GET /api/settings, so the settings page and the
 * configuration lesson show the same table. Has no state: works in server and
 * client components alike.
 */
import type { ConfigReport, KeyReport, SourceEntry } from '@/lib/config';
import { SOURCE_LABELS } from './sources';

export function ConfigTable({ report, caption = 'Where each setting comes from' }: { report: ConfigReport; caption?: string }) {
  return (
    <div className="overflow-x-auto">
      <table data-testid="config-table" className="w-full border-collapse text-left text-base">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-border">
            <th scope="col" className="py-2 pr-4 font-semibold">Key</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Value in effect</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Winning source</th>
            <th scope="col" className="py-2 font-semibold">Shadowed (set, but ignored)</th>
          </tr>
        </thead>
        <tbody>
          {Object.values(report.keys).map((key) => (
            <KeyRow key={key.key} report={key} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyRow({ report }: { report: KeyReport }) {
  return (
    <tr data-key={report.key} className="border-b border-border align-top">
      <th scope="row" className="py-3 pr-4 font-mono text-base font-semibold">
        {report.key}
      </th>
      <td data-column="value" className="py-3 pr-4">
        <code className={`font-mono break-all ${report.source ? '' : 'text-muted'}`}>{report.display}</code>
      </td>
      <td data-column="source" className="py-3 pr-4">
        {report.source ? <SourceName source={report.source} origin={report.origin} /> : <span className="text-muted">no source sets it</span>}
      </td>
      <td data-column="shadowed" className="py-3">
        {report.shadowed.length === 0 ? (
          <span className="text-muted">none</span>
        ) : (
          <ul className="space-y-2">
            {report.shadowed.map((entry) => (
              <ShadowedEntry key={`${entry.source}:${entry.origin}`} entry={entry} />
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function ShadowedEntry({ entry }: { entry: SourceEntry }) {
  return (
    <li>
      <SourceName source={entry.source} origin={entry.origin} />
      <code className="block font-mono text-sm text-muted break-all">{entry.display}</code>
    </li>
  );
}

function SourceName({ source, origin }: Pick<SourceEntry, 'source'> & { origin: string | undefined }) {
  return (
    <>
      <span className="font-semibold">{SOURCE_LABELS[source]}</span>
      {/* The default's origin only repeats "built-in default". */}
      {origin && source !== 'default' && <code className="block font-mono text-sm break-all">{origin}</code>}
    </>
  );
}
