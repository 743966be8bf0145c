import { describe, expect, it } from 'vitest';
import { connectSnippets } from '../connect-snippets';

describe('connect snippets', () => {
  const snippets = connectSnippets({ projectDir: '/home/ada/mcp dojo', nodePath: '/usr/bin/node', origin: 'http://localhost:3000' });

  it('points Claude Desktop at this checkout’s stdio binary, token in env', () => {
    const config = JSON.parse(snippets.claudeDesktop);
    expect(config.mcpServers['mcp-dojo']).toEqual({
      command: '/usr/bin/node',
      args: ['/home/ada/mcp dojo/bin/mcp-dojo.mjs', '--backend', 'real'],
      env: { TODOIST_API_TOKEN: 'paste-your-token-here' },
    });
  });

  it('gives the claude mcp add lines for HTTP and stdio, quoting paths with spaces', () => {
    expect(snippets.claudeCodeHttp).toBe('claude mcp add --transport http mcp-dojo "http://localhost:3000/api/mcp?backend=real"');
    expect(snippets.claudeCodeStdio).toContain("'/home/ada/mcp dojo/bin/mcp-dojo.mjs' --backend real");
    expect(snippets.inspector).toContain('--transport http');
  });
});
