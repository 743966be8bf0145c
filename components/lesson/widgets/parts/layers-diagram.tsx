/**
 * The app's layers as a diagram made of lists: faces on top, fetching at
 * the bottom, each layer with its files. The file names come from
 * lib/lessons/widgets/layers-map.ts, which a unit test keeps true.
 */
import { LAYERS, type Layer, type LayerId } from '@/lib/lessons/widgets/layers-map';

// A stripe per layer, so the bands read apart on a projector.
const STRIPES: Record<LayerId, string> = {
  faces: 'border-l-sky-600',
  presentation: 'border-l-violet-600',
  processing: 'border-l-amber-600',
  fetching: 'border-l-emerald-600',
};

export function LayersDiagram() {
  return (
    <div data-testid="layers-diagram">
      <ol aria-label="The layers of this app, top to bottom: each calls the one below" className="space-y-0">
        {LAYERS.map((layer, index) => (
          <li key={layer.id}>
            {index > 0 && <Arrow />}
            <LayerBand layer={layer} />
          </li>
        ))}
      </ol>
      <Arrow />
      <p className="rounded-lg border-2 border-dashed border-border px-4 py-3 text-center text-base">
        <strong>Todoist</strong> — the real API over <code className="font-mono">fetch</code>, or the mock&apos;s handlers, behind the same seam
      </p>
    </div>
  );
}

function LayerBand({ layer }: { layer: Layer }) {
  const faces = layer.groups.some((group) => group.face);
  return (
    <section
      aria-labelledby={`layer-${layer.id}`}
      data-testid={`layer-${layer.id}`}
      className={`rounded-lg border border-l-8 border-border bg-surface px-4 py-3 ${STRIPES[layer.id]}`}
    >
      <h3 id={`layer-${layer.id}`} className="text-xl font-semibold">
        {layer.name} <span className="text-base font-normal text-muted">— {layer.does}</span>
      </h3>
      <ul className={`mt-2 grid gap-3 ${faces ? '@2xl:grid-cols-3' : '@2xl:grid-cols-2'}`}>
        {layer.groups.map((group) => (
          <li key={group.role} className={`min-w-0 ${faces && !group.face ? '@2xl:col-span-3' : ''}`}>
            <p className="text-base leading-snug">
              {group.face && <strong className="mr-1">{group.face}:</strong>}
              {group.role}
            </p>
            <ul aria-label={`Files: ${group.role}`} className="mt-1 flex flex-wrap gap-1.5">
              {group.files.map((file) => (
                <li key={file} data-testid="layer-file">
                  <code className="inline-block rounded border border-border bg-background px-1.5 py-0.5 font-mono text-sm break-all">{file}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Arrow() {
  return (
    <p aria-hidden className="py-0.5 text-center text-xl leading-none text-muted">
      ↓
    </p>
  );
}
