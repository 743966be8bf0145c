/**
 * Errors a page shows on purpose, to leave out of `collectPageErrors`' list:
 * a 2025-11-25 client asks for a GET stream after initialize, and this
 * stateless server refuses it at once with 405 (the SDK client carries on).
 * The browser logs that refusal as a failed resource load.
 */
const REFUSED_GET_STREAM = [/^405 GET \S+\/api\/mcp(\?|$)/, /^Failed to load resource: the server responded with a status of 405/];

export function withoutRefusedGetStreams(errors: readonly string[]): string[] {
  return errors.filter((error) => !REFUSED_GET_STREAM.some((pattern) => pattern.test(error)));
}
