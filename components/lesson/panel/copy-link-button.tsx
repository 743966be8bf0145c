'use client';
/**
 * "Copy link": the address of the demo on screen with its settings
 * (lib/lessons/deep-link.ts), for a presenter's script or a colleague. It
 * always names the demo, even the first, so the link says what it opens.
 */
import { changedSettings, demoStateHref } from '@/lib/lessons/deep-link';
import type { Demo } from '@/lib/lessons/schema';
import type { LiveSettings } from '@/lib/lessons/live-settings';
import { ManualCopyDialog } from './manual-copy-dialog';
import { useCopy } from './use-copy';
import { useHydrated } from './use-hydrated';

interface CopyLinkButtonProps {
  slug: string;
  demo: Demo;
  settings: LiveSettings;
}

export function CopyLinkButton({ slug, demo, settings }: CopyLinkButtonProps) {
  const { state, copy, reset } = useCopy();
  const hydrated = useHydrated();
  // Only read in the browser (on click, or with the dialog open), where there is an origin to make it absolute.
  const link = () => new URL(demoStateHref(slug, demo.id, changedSettings(demo, settings)), window.location.origin).href;

  return (
    <>
      <span role="status" className="text-sm font-semibold text-success">
        {state === 'copied' ? 'Link copied ✓' : ''}
      </span>
      <button
        type="button"
        onClick={() => copy(link())}
        disabled={!hydrated}
        className="rounded-md border border-border px-3 py-1 text-sm hover:bg-border"
      >
        Copy link to this demo
      </button>
      {state === 'manual' && <ManualCopyDialog text={link()} what="link" rows={3} onClose={reset} />}
    </>
  );
}
