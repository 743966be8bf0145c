/**
 * Runs once when the server starts (Next calls `register()` before serving).
 *
 * With REDIS_URL set, it connects to Redis now: if Redis is unreachable the
 * start fails with an error naming REDIS_URL, what failed and what to do,
 * instead of the app coming up and failing its first learner's call.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return; // the edge runtime has no sockets and no state store
  const { connectStateStore } = await import('./lib/state');
  const description = await connectStateStore();
  // The event bus (subscriptions across instances) uses the same Redis: it fails the start the same way.
  const { connectTenantEventBus } = await import('./lib/realtime/bus');
  await connectTenantEventBus();
  if (process.env.REDIS_URL) console.log(description);
}
