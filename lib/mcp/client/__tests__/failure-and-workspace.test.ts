/**
 * The small pieces around a run: failures in words, workspace names, and the
 * workspace scenario switch as the fault widget sends it.
 */
import { ProtocolError, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { cancelledError, describeFailure, isCancelled, toCallFailure } from '../failure';
import type { FetchFunction } from '../http-log';
import { switchWorkspaceScenario, workspaceName } from '../workspace';

describe('describeFailure', () => {
  it('names the HTTP status and the server’s text, plain or inside a JSON error', () => {
    const plain = new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: x', { status: 403, statusText: 'Forbidden', text: 'Origin not allowed' });
    expect(describeFailure(plain)).toBe('HTTP 403 Forbidden from the MCP endpoint: Origin not allowed');
    const json = new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'x', { status: 400, text: '{"error":"Invalid setting \\"size\\""}' });
    expect(describeFailure(json)).toBe('HTTP 400 from the MCP endpoint: Invalid setting "size"');
    expect(describeFailure(new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'x', { status: 502 }))).toBe('HTTP 502 from the MCP endpoint: (no body)');
  });

  it('says a timeout is a timeout, with its limit', () => {
    expect(describeFailure(new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout: 30_000 }))).toBe(
      'No answer within 30 s: the client stopped waiting (request timeout).',
    );
  });

  it('gives a JSON-RPC error its code, and a network error its cause', () => {
    expect(describeFailure(new ProtocolError(-32602, 'Unknown tool: nope'))).toMatch(/^The server answered with JSON-RPC error -32602: .*Unknown tool: nope/);
    expect(describeFailure(new TypeError('fetch failed'))).toBe('Could not reach the MCP endpoint (network error: fetch failed).');
    const wrapped = new SdkError(SdkErrorCode.SendFailed, 'Version negotiation probe failed: fetch failed', undefined, { cause: new TypeError('fetch failed') });
    expect(describeFailure(wrapped)).toBe('Could not reach the MCP endpoint (Version negotiation probe failed: fetch failed).');
  });

  it('toCallFailure keeps the cause and leaves a cancel as it is', () => {
    const cause = new TypeError('fetch failed');
    const failure = toCallFailure(cause);
    expect(failure.cause).toBe(cause);
    const cancel = cancelledError('a test');
    expect(toCallFailure(cancel)).toBe(cancel);
    expect(isCancelled(cancel)).toBe(true);
    expect(isCancelled(failure)).toBe(false);
  });
});

describe('workspaceName', () => {
  it('makes a valid name from readable parts, at most 40 characters', () => {
    expect(workspaceName('panel', 'count-the-tasks', 'left')).toBe('panel-count-the-tasks-left');
    expect(workspaceName('Grid', 'Real', 'naive')).toBe('grid-real-naive');
    const long = workspaceName('panel', 'a-very-long-demo-identifier-that-goes-on-and-on', 'right');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9-]+[a-z0-9]$/);
  });

  it('refuses parts that leave nothing', () => {
    expect(() => workspaceName('!!!')).toThrow(/No workspace name/);
  });
});

describe('switchWorkspaceScenario', () => {
  it('POSTs the scenario as JSON to /api/mcp/scenario?workspace=<name>', async () => {
    const sent: Array<{ url: string; init?: RequestInit }> = [];
    const fetch: FetchFunction = async (input, init) => {
      sent.push({ url: String(input), init });
      return Response.json({ scenario: { name: 'down' } });
    };
    expect(await switchWorkspaceScenario('faults-production', { name: 'down' }, { fetch, data: { size: 'small' } })).toEqual({ scenario: { name: 'down' } });
    expect(sent[0]?.url).toBe('/api/mcp/scenario?workspace=faults-production&size=small');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ name: 'down' });
  });

  it('fails with the status and the server’s error text', async () => {
    const fetch: FetchFunction = async () => Response.json({ error: 'Unknown scenario "sideways".' }, { status: 400 });
    await expect(switchWorkspaceScenario('w', { name: 'faithful' }, { fetch })).rejects.toThrow('HTTP 400 from /api/mcp/scenario: Unknown scenario "sideways".');
  });
});
