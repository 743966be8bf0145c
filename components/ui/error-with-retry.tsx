/**
 * A load that failed: what could not be had and why, announced (role="alert"),
 * with the button that tries again right under it.
 */
import type { ReactNode } from 'react';
import { ALERT, SECONDARY_BUTTON } from './styles';

interface ErrorWithRetryProps {
  /** What could not be had, in a sentence. */
  title: string;
  /** Why: the error's own message. */
  detail: ReactNode;
  retryLabel: string;
  onRetry: () => void;
  /** While a retry is under way, so a second click does not queue another. */
  retrying?: boolean;
}

export function ErrorWithRetry({ title, detail, retryLabel, onRetry, retrying = false }: ErrorWithRetryProps) {
  return (
    <div className="space-y-3">
      <div role="alert" className={ALERT}>
        <p className="font-semibold">{title}</p>
        <p className="mt-1 break-words">{detail}</p>
      </div>
      <button type="button" onClick={onRetry} disabled={retrying} className={SECONDARY_BUTTON}>
        {retryLabel}
      </button>
    </div>
  );
}
