/**
 * The lines a person pastes to connect an MCP client to this server, filled
 * with this machine's real paths and URL — shown on /connect.
 */
import path from 'node:path';

export interface ConnectSnippets {
  claudeDesktop: string;
  claudeCodeHttp: string;
  claudeCodeStdio: string;
  inspector: string;
  endpoint: string;
}

export function connectSnippets(options: { projectDir: string; nodePath: string; origin: string }): ConnectSnippets {
  const bin = path.join(options.projectDir, 'bin', 'mcp-dojo.mjs');
  const endpoint = `${options.origin}/api/mcp?backend=real`;
  return {
    endpoint,
    claudeDesktop: JSON.stringify(
      {
        mcpServers: {
          'mcp-dojo': {
            command: options.nodePath,
            args: [bin, '--backend', 'real'],
            // The token goes in the server's environment — never in a tool argument.
            env: { TODOIST_API_TOKEN: 'paste-your-token-here' },
          },
        },
      },
      null,
      2,
    ),
    claudeCodeHttp: `claude mcp add --transport http mcp-dojo "${endpoint}"`,
    claudeCodeStdio: `claude mcp add mcp-dojo --env TODOIST_API_TOKEN=paste-your-token-here -- ${quote(options.nodePath)} ${quote(bin)} --backend real`,
    // The Inspector 2.x needs Node ≥ 22.19; the node@22 package brings one along on older machines.
    inspector: `npx -y -p node@22 -p @modelcontextprotocol/inspector mcp-inspector --cli "${endpoint}" --transport http --method tools/list`,
  };
}

function quote(value: string): string {
  return /^[\w./@:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
