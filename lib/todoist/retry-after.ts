/**
 * Todoist's backoff advice comes in two places: `error_extra.retry_after` in the
 * body (on any error, not only 429) and, sometimes, a `Retry-After` header.
 * Read both and honour the larger, so we never retry sooner than asked.
 */
export function readRetryAfterSeconds(
  headers: Headers,
  errorExtra: Record<string, unknown> | undefined,
): number | undefined {
  const fromBody = toSeconds(errorExtra?.retry_after);
  const fromHeader = parseRetryAfterHeader(headers.get('retry-after'));
  const candidates = [fromBody, fromHeader].filter((value): value is number => value !== undefined);
  return candidates.length ? Math.max(...candidates) : undefined;
}

/** `Retry-After` is either delta-seconds ("3") or an HTTP date. */
export function parseRetryAfterHeader(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = toSeconds(value.trim());
  if (seconds !== undefined) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function toSeconds(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
}
