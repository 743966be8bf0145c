/**
 * Several `next start` instances of this app behind a round-robin proxy,
 * sharing one throwaway Redis (or, to show why it is needed, sharing
 * nothing): what the scale-out test and the room load script run against.
 * Expects a built `.next`.
 */
import { randomBytes } from 'node:crypto';
import { startNextServer, type ServerUnderLoad } from '../load.server';
import { startTestRedis, type TestRedis } from './redis-process';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

export interface ClusterOptions {
  instances?: number;
  /** true: one Redis for every instance (REDIS_URL); false: each instance keeps its state in its own memory. */
  redis: boolean;
  cwd?: string;
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface Cluster {
  /** The proxy: what a browser or client talks to. */
  origin: string;
  proxy: RoundRobinProxy;
  instances: ServerUnderLoad[];
  redis?: TestRedis;
  /** The secret every instance shares (learner ids signed on one are accepted by all). */
  secret: string;
  stop(): Promise<void>;
}

export async function startCluster({ instances = 2, redis: withRedis, cwd = process.cwd(), env = {}, log = () => {} }: ClusterOptions): Promise<Cluster> {
  const secret = randomBytes(32).toString('base64url');
  const redis = withRedis ? await startTestRedis() : undefined;
  const started: ServerUnderLoad[] = [];
  try {
    const shared = {
      DOJO_SECRET: secret,
      ...(redis && { REDIS_URL: redis.url, DOJO_REDIS_PREFIX: `dojo-${randomBytes(4).toString('hex')}:` }),
      ...env,
    };
    // One after the other: two `next start` booting at once on two cores only slows both.
    for (let index = 0; index < instances; index++) started.push(await startNextServer({ cwd, env: shared, log }));
    const proxy = await startRoundRobinProxy(started.map((instance) => instance.origin));
    log(`cluster: ${instances} instances behind ${proxy.origin}${redis ? `, sharing Redis at ${redis.url}` : ', no shared state'}`);
    return {
      origin: proxy.origin,
      proxy,
      instances: started,
      redis,
      secret,
      stop: async () => {
        await proxy.close();
        await Promise.all(started.map((instance) => instance.stop()));
        await redis?.stop();
      },
    };
  } catch (error) {
    await Promise.all(started.map((instance) => instance.stop()));
    await redis?.stop();
    throw error;
  }
}
