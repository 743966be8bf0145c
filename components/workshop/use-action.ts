'use client';
/**
 * A button's async action: busy while it runs (so a second press does not
 * start another), and the server's own sentence when it fails, to show.
 */
import { useState } from 'react';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
