/**
 * A cancel by the learner, told apart from a failure. No MCP SDK here: the
 * components that show "cancelled" load with the page, the SDK does not.
 */

/** A cancel by the learner: shown as "cancelled", never as a failure. */
export function cancelledError(where: string): Error {
  return new DOMException(`Cancelled in ${where}.`, 'AbortError');
}

export function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
