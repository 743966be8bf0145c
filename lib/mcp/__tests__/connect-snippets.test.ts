import { describe, expect, it } from 'vitest';
import { connectSnippets, LEARNER_PLACEHOLDER, withLearner } from '../connect-snippets';

describe('connect snippets', () => {
  const snippets = connectSnippets({ projectDir: '/home/ada/mcp dojo', nodePath: '/usr/bin/node', origin: 'http://localhost:3000' });

  it('points Claude Desktop at this checkout’s stdio binary: mock with no token, real with the token in env', () => {
    expect(JSON.parse(snippets.claudeDesktop.mock).mcpServers['mcp-dojo']).toEqual({
      command: '/usr/bin/node',
      args: ['/home/ada/mcp dojo/bin/mcp-dojo.mjs', '--backend', 'mock'],
    });
    expect(JSON.parse(snippets.claudeDesktop.real).mcpServers['mcp-dojo']).toEqual({
      command: '/usr/bin/node',
      args: ['/home/ada/mcp dojo/bin/mcp-dojo.mjs', '--backend', 'real'],
      env: { TODOIST_API_TOKEN: 'paste-your-token-here' },
    });
  });

  it('gives the claude mcp add lines for HTTP (with the learner id) and stdio, quoting paths with spaces', () => {
    expect(snippets.claudeCodeHttp.mock).toBe(
      `claude mcp add --transport http mcp-dojo "http://localhost:3000/api/mcp?learner=${LEARNER_PLACEHOLDER}&backend=mock"`,
    );
    expect(snippets.claudeCodeHttp.real).toContain('&backend=real"');
    expect(snippets.claudeCodeStdio.mock).toBe("claude mcp add mcp-dojo -- /usr/bin/node '/home/ada/mcp dojo/bin/mcp-dojo.mjs' --backend mock");
    expect(snippets.claudeCodeStdio.real).toContain('--env TODOIST_API_TOKEN=paste-your-token-here --');
  });

  it('runs the Inspector 2.x CLI under Node 22, --cli first', () => {
    expect(snippets.inspector.mock).toBe(
      `npx -y -p node@22 -p @modelcontextprotocol/inspector@2 mcp-inspector --cli "${snippets.endpoint.mock}" --transport http --method tools/list`,
    );
    expect(snippets.inspectorWeb).toBe('npx -y -p node@22 -p @modelcontextprotocol/inspector@2 mcp-inspector');
  });

  it('fills in the visitor’s learner id everywhere it appears', () => {
    const filled = withLearner(snippets.claudeCodeHttp.mock, 'abc.123');
    expect(filled).toContain('?learner=abc.123&backend=mock');
    expect(filled).not.toContain(LEARNER_PLACEHOLDER);
    expect(connectSnippets({ projectDir: '/p', nodePath: '/n', origin: 'http://h', learner: 'L' }).endpoint.real).toBe('http://h/api/mcp?learner=L&backend=real');
  });
});
