'use client';
/**
 * Take the lesson to Claude: copy the prompt (the lesson's questions plus
 * what you observed), or open a new Claude chat with it filled in. When the
 * browser refuses the clipboard, the prompt is shown selected, to copy by hand.
 */
import { Kbd, shortcut } from '@/components/keyboard/shortcut';
import { claudeUrl } from '@/lib/lessons/prompt';
import { ManualCopyDialog } from './manual-copy-dialog';
import { useCopy } from './use-copy';
import { useHydrated } from './use-hydrated';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';

export function PromptActions({ prompt }: { prompt: string }) {
  const { state, copy, reset } = useCopy();
  const hydrated = useHydrated();

  return (
    <section aria-labelledby="prompt-heading" className="space-y-3">
      <h3 id="prompt-heading" className="text-lg font-semibold">
        Ask Claude about it
      </h3>
      <p className="text-muted">A prompt with this lesson&apos;s questions and what you observed, ready for Claude.ai.</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => copy(prompt)} disabled={!hydrated} {...shortcut('c')} className={PRIMARY_BUTTON}>
          Copy prompt
          <Kbd tone="on-accent">c</Kbd>
        </button>
        <a href={claudeUrl(prompt)} target="_blank" rel="noopener noreferrer" className={SECONDARY_BUTTON}>
          Open in Claude <span aria-hidden>↗</span>
          <span className="sr-only">(opens a new tab)</span>
        </a>
        <span role="status" aria-live="polite" className="font-semibold text-success">
          {state === 'copied' ? 'Copied ✓' : ''}
        </span>
      </div>
      <details className="rounded-md border border-border">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-muted hover:text-foreground">Show the prompt</summary>
        <pre data-testid="prompt-preview" className="max-h-96 overflow-auto border-t border-border px-3 py-2 font-mono text-sm leading-relaxed whitespace-pre-wrap">
          {prompt}
        </pre>
      </details>
      {state === 'manual' && <ManualCopyDialog text={prompt} onClose={reset} />}
    </section>
  );
}
