'use client';
/** The clipboard fallback: the prompt (or a link) in a modal, already selected — Ctrl/⌘+C and done. */
import { useEffect, useId, useRef } from 'react';
import { SECONDARY_BUTTON } from '@/components/ui/styles';

interface ManualCopyDialogProps {
  text: string;
  /** What the text is, as the dialog names it: "prompt", "link". */
  what?: string;
  /** The text box's height: a prompt is pages, a link a line or two. */
  rows?: number;
  onClose: () => void;
}

export function ManualCopyDialog({ text, what = 'prompt', rows = 14, onClose }: ManualCopyDialogProps) {
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    textarea.current?.focus();
    textarea.current?.select();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      // Escape closes a modal dialog natively; keep React's state in step.
      onClose={onClose}
      className="m-auto w-[min(100vw-2rem,48rem)] rounded-lg border border-border bg-background p-5 text-foreground backdrop:bg-black/50"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Copy the {what} by hand
      </h2>
      <p className="mt-1 text-muted">The browser did not allow clipboard access. The {what} is selected: press Ctrl+C (⌘C on a Mac).</p>
      <textarea
        ref={textarea}
        data-testid="manual-copy"
        aria-label={`The ${what} to copy`}
        readOnly
        value={text}
        rows={rows}
        className="mt-3 w-full rounded-md border border-border bg-background px-3 py-2 font-mono text-sm"
      />
      <div className="mt-3 flex justify-end">
        <button type="button" onClick={() => dialog.current?.close()} className={SECONDARY_BUTTON}>
          Close
        </button>
      </div>
    </dialog>
  );
}
