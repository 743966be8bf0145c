'use client';
/**
 * Lesson 6: this app's layers, drawn from its real module layout, and one
 * tool call served by the same core on three faces.
 */
import { LayersDiagram } from './parts/layers-diagram';
import { LayersFaces } from './parts/layers-faces';

export function Layers() {
  return (
    <section aria-labelledby="layers-heading" data-testid="widget-layers" className="@container space-y-8 rounded-xl border border-border p-5">
      <div>
        <h2 id="layers-heading" className="text-2xl font-semibold">
          The layers of this app
        </h2>
        <p className="mt-2 text-base leading-relaxed">
          Every file named here exists (a unit test checks it). <code className="font-mono">lib/</code> never imports React or Next;{' '}
          <code className="font-mono">components/</code> never calls Todoist.
        </p>
      </div>
      <LayersDiagram />
      <LayersFaces />
    </section>
  );
}
