import { describe, expect, it } from 'vitest';
import { traceStdioCall } from '../stdio-trace';

describe('stdio trace', () => {
  it('records server/discover, tools/call and their responses from the real stdio process (2026-07-28: no initialize)', async () => {
    const trace = await traceStdioCall('list_projects', { format: 'flat' });
    const methods = trace.entries.map((entry) => entry.method ?? `→ ${entry.answers}`);
    expect(methods).toEqual(expect.arrayContaining(['server/discover', '→ server/discover', 'tools/call', '→ tools/call']));
    expect(methods).not.toContain('initialize');
    expect(trace.result.isError).toBeFalsy();
    expect(trace.command).toBe('node bin/mcp-dojo.mjs --backend mock --size small');
  }, 30_000);
});
