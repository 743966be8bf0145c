import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it, vi } from 'vitest';
import type { DojoConnection } from '@/lib/mcp/client/connect';
import { inOneSession } from '../widgets/one-session';

function fakeConnection() {
  const close = vi.fn(async () => undefined);
  const client = { name: 'fake client' } as unknown as Client;
  const connection = { client, close } as unknown as DojoConnection;
  return { connection, close, client };
}

const options = { endpoint: 'http://127.0.0.1/api/mcp', settings: { backend: 'mock', scenario: 'faithful', size: 'small', strategy: 'production' } } as const;

describe('inOneSession', () => {
  it('hands the client to the work, returns its result and ends the session', async () => {
    const { connection, close, client } = fakeConnection();
    const result = await inOneSession(options, async (given) => (given === client ? 'done' : 'wrong client'), async () => connection);
    expect(result).toBe('done');
    expect(close).toHaveBeenCalledOnce();
  });

  it('ends the session when the work fails, and rethrows the work’s error', async () => {
    const { connection, close } = fakeConnection();
    close.mockRejectedValueOnce(new Error('DELETE failed'));
    await expect(inOneSession(options, async () => Promise.reject(new Error('the call failed')), async () => connection)).rejects.toThrow(
      'the call failed',
    );
    expect(close).toHaveBeenCalledOnce();
  });
});
