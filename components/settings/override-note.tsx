/**
 * Said next to a form when a higher source sets the same key: a value saved on
 * this page is then kept but has no effect, which otherwise looks like a bug.
 */
import type { SourceEntry } from '@/lib/config';
import { NOTE_CLASSES } from './styles';

export function OverrideNote({ entry, what }: { entry: SourceEntry; what: string }) {
  const fix =
    entry.source === 'environment'
      ? `unset ${entry.origin} and restart the server`
      : `remove the key from ${entry.origin}`;
  return (
    <p data-testid="override-note" className={NOTE_CLASSES}>
      <strong>
        {entry.source === 'environment' ? 'The environment variable' : 'The config file'}{' '}
        <code className="font-mono break-all">{entry.origin}</code> sets the {what}, and it wins.
      </strong>{' '}
      A {what} saved here is kept but not used. To use it, {fix}.
    </p>
  );
}
