'use client';
/** A labelled block of text with a Copy button that says when it worked — and selects the text when it could not. */
import { useRef, useState } from 'react';

export function CopyBlock({ label, text, id }: { label: string; text: string; id: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const codeRef = useRef<HTMLPreElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      // No clipboard (insecure context, permission refused): select the text for a manual copy.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setStatus('failed');
    }
  }

  return (
    <figure className="rounded-lg border border-border" data-testid={`snippet-${id}`}>
      <figcaption className="flex items-center justify-between gap-4 border-b border-border px-4 py-2">
        <span className="font-medium">{label}</span>
        <span className="flex items-center gap-3">
          <span aria-live="polite" className="text-sm text-muted">
            {status === 'copied' ? 'Copied ✓' : status === 'failed' ? 'Clipboard unavailable: text selected, press Ctrl+C' : ''}
          </span>
          <button
            type="button"
            onClick={copy}
            className="rounded-md border border-border px-3 py-1 text-sm font-medium hover:bg-foreground/5 focus-visible:outline-2"
          >
            Copy<span className="sr-only"> {label}</span>
          </button>
        </span>
      </figcaption>
      {/* Focusable: long lines scroll sideways, and keyboard users must reach them. */}
      <pre ref={codeRef} tabIndex={0} className="overflow-x-auto px-4 py-3 font-mono text-sm leading-relaxed whitespace-pre">
        {text}
      </pre>
    </figure>
  );
}
