/**
 * One `tools/call` over real HTTP, as a 2025-11-25 client sends it (the
 * stateless form every server here answers), described for the widget: the
 * request with its token redacted, and what came back — tasks, or the
 * refusal and its WWW-Authenticate challenge.
 */
import type { DemoExchange } from './report';
import { redactedBearer, showToken } from './redact';

const SHOWN_TASKS = 3;

export interface ToolCallRequest {
  step: string;
  from: string;
  to: string;
  url: string;
  token: string;
  tool: string;
  signal?: AbortSignal;
}

export async function callTool(call: ToolCallRequest): Promise<DemoExchange> {
  const message = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: call.tool, arguments: {} } };
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': '2025-11-25',
  };
  const response = await fetch(call.url, {
    method: 'POST',
    headers: { ...headers, Authorization: `Bearer ${call.token}` },
    body: JSON.stringify(message),
    signal: call.signal,
  });
  const text = await response.text();
  const challenge = response.headers.get('www-authenticate');
  return {
    step: call.step,
    from: call.from,
    to: call.to,
    request: { method: 'POST', url: call.url, headers: { ...headers, Authorization: redactedBearer(call.token) }, body: message },
    token: showToken(call.token),
    response: {
      status: response.status,
      headers: { 'Content-Type': response.headers.get('content-type') ?? '', ...(challenge && { 'WWW-Authenticate': challenge }) },
      ...describeAnswer(response.status, text),
    },
  };
}

type Answer = Pick<DemoExchange['response'], 'summary' | 'account' | 'taskTitles' | 'error'>;

interface RpcResult {
  isError?: boolean;
  content?: { type: string; text?: string }[];
  structuredContent?: { account?: unknown; tasks?: { content?: unknown }[]; events?: unknown[] };
  _meta?: { 'dojo/provenance'?: { account?: unknown } };
}

function describeAnswer(status: number, text: string): Answer {
  const body = parseBody(text) as { result?: RpcResult; error?: { message?: unknown }; error_description?: unknown } | undefined;
  if (status === 401 || status === 403) {
    const error = typeof body?.error_description === 'string' ? body.error_description : undefined;
    return { summary: `${status}: the server refused the token.`, ...(error && { error }) };
  }
  if (body?.error) return { summary: `${status}: a JSON-RPC error.`, error: String(body.error.message) };
  const result = body?.result;
  if (!result) return { summary: `${status}: no answer the demo could read.` };
  const firstText = result.content?.find((part) => part.type === 'text')?.text ?? '';
  if (result.isError) return { summary: `${status}, but the tool failed.`, error: firstText };
  const account = result._meta?.['dojo/provenance']?.account ?? result.structuredContent?.account;
  const tasks = result.structuredContent?.tasks;
  const events = result.structuredContent?.events;
  return {
    summary: tasks
      ? `${status}: served ${typeof account === 'string' ? `${account}'s` : 'the'} tasks.`
      : events
        ? `${status}: served ${events.length} calendar events.`
        : `${status}: the tool answered.`,
    ...(typeof account === 'string' && { account }),
    ...(tasks && { taskTitles: tasks.slice(0, SHOWN_TASKS).map((task) => String(task.content)) }),
  };
}

/** A JSON body, or the first `data:` line of an SSE stream that parses. */
function parseBody(text: string): unknown {
  const candidates = text.trimStart().startsWith('{')
    ? [text]
    : text.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch {
      // the next line, if any
    }
  }
  return undefined;
}
