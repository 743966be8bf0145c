'use client';
/**
 * What a link asked for that the panel could not do ("The link's scenario
 * "foo" is not one this demo knows; using faithful."): said politely, in a
 * live region, and kept until the learner dismisses it or opens another link.
 */
export function LinkNotes({ notes, onDismiss }: { notes: string[]; onDismiss: () => void }) {
  return (
    // The region is always there, so a screen reader announces the notes when they appear.
    <div role="status" data-testid="link-notes">
      {notes.length > 0 && (
        <div className="mb-5 flex flex-wrap items-start justify-between gap-3 rounded-md border border-border bg-surface px-4 py-3 text-sm">
          <ul className="space-y-1">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss} className="rounded-md border border-border px-2 py-0.5 hover:bg-border">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
