import { describe, expect, it } from 'vitest';
import { traceStdioCall } from '../stdio-trace';

describe('stdio trace', () => {
  it('records initialize, tools/call and their responses from the real stdio process', async () => {
    const trace = await traceStdioCall('list_projects', { format: 'flat' });
    const methods = trace.entries.map((entry) => entry.method ?? `→ ${entry.answers}`);
    expect(methods).toEqual(expect.arrayContaining(['initialize', '→ initialize', 'notifications/initialized', 'tools/call', '→ tools/call']));
    expect(trace.result.isError).toBeFalsy();
    expect(trace.command).toBe('node bin/mcp-dojo.mjs --backend mock --size small');
  }, 30_000);
});
