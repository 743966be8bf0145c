import { describe, expect, it } from 'vitest';
import { signInSteps, signInUrls } from '../connect-sign-in';
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

describe('the sign-in (OAuth-protected endpoint) lines', () => {
  const ORIGIN = 'http://localhost:3000';
  const ENDPOINT = `${ORIGIN}/api/mcp?backend=real&upstream=todoist`;

  it('point Claude Code and the Inspector at the real endpoint with no learner id (the token says who calls)', () => {
    const { signIn } = connectSnippets({ projectDir: '/p', nodePath: '/n', origin: ORIGIN });
    expect(signIn.endpoint).toBe(ENDPOINT);
    expect(signIn.claudeCode).toBe(`claude mcp add --transport http mcp-dojo "${ENDPOINT}"`);
    expect(signIn.inspector).toBe(`npx -y -p node@22 -p @modelcontextprotocol/inspector@2 mcp-inspector --cli "${ENDPOINT}" --transport http --method tools/list`);
    expect(`${signIn.claudeCode}${signIn.inspector}`).not.toContain('learner');
  });

  it('use the public origin (DOJO_PUBLIC_URL) tokens are bound to, while the learner lines keep the page’s', () => {
    const snippets = connectSnippets({ projectDir: '/p', nodePath: '/n', origin: 'http://10.0.0.5:3000', publicOrigin: 'https://dojo.example.com' });
    expect(snippets.signIn.endpoint).toBe('https://dojo.example.com/api/mcp?backend=real&upstream=todoist');
    expect(snippets.endpoint.mock).toMatch(/^http:\/\/10\.0\.0\.5:3000\/api\/mcp\?/);
  });

  it('name the metadata, sign-in, consent and callback URLs of this server', () => {
    expect(signInUrls({ origin: ORIGIN, upstream: 'standin' })).toEqual({
      endpoint: ENDPOINT,
      resourceMetadata: `${ORIGIN}/.well-known/oauth-protected-resource/api/mcp`,
      authorizationServerMetadata: `${ORIGIN}/.well-known/oauth-authorization-server`,
      authorize: `${ORIGIN}/oauth/authorize`,
      consent: `${ORIGIN}/standin/oauth/authorize`,
      callback: `${ORIGIN}/oauth/callback`,
    });
    expect(signInUrls({ origin: ORIGIN, upstream: 'todoist' }).consent).toBe('https://todoist.com/oauth/authorize');
    expect(signInUrls({ origin: ORIGIN, upstream: 'todoist', todoistConsentUrl: 'http://127.0.0.1:4011/oauth/authorize' }).consent).toBe(
      'http://127.0.0.1:4011/oauth/authorize',
    );
  });

  it('walk through the flow in order: 401 with resource_metadata, discovery, this app’s sign-in, consent, callback, token', () => {
    const steps = signInSteps({ origin: ORIGIN, upstream: 'standin' });
    expect(steps.map((step) => step.url)).toEqual([
      ENDPOINT,
      `${ORIGIN}/.well-known/oauth-protected-resource/api/mcp`,
      `${ORIGIN}/oauth/authorize`,
      `${ORIGIN}/standin/oauth/authorize`,
      `${ORIGIN}/oauth/callback`,
      `${ORIGIN}/oauth/token`,
    ]);
    const [challenge, , , consent, , token] = steps.map((step) => step.detail);
    expect(challenge).toContain(`WWW-Authenticate: Bearer resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/api/mcp", scope="tasks:read tasks:write"`);
    expect(challenge).toContain('/mcp');
    expect(consent).toContain('Pick a sample user');
    expect(token).toContain('the Todoist token never leaves the server');
  });

  it('with a Todoist app configured, the consent step is Todoist’s own page', () => {
    const consent = signInSteps({ origin: ORIGIN, upstream: 'todoist' })[3];
    expect(consent).toMatchObject({ title: "Todoist's consent page", url: 'https://todoist.com/oauth/authorize' });
  });
});
