/**
 * One read-modify-write of a file at a time, per path, in this process.
 *
 * Two saves that both read the file before either writes it lose one of the
 * changes (the settings page saves the token and the base URL separately).
 * Each save waits for the one before it on the same path, in the order they
 * arrived. Not across processes: one server process owns its settings file.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(path) ?? Promise.resolve();
  // The previous save's failure is its caller's to handle; the next one runs anyway.
  const run = before.catch(() => undefined).then(work);
  tails.set(path, run);
  try {
    return await run;
  } finally {
    // The last in line removes the entry, so the map does not grow with every path ever saved.
    if (tails.get(path) === run) tails.delete(path);
  }
}
