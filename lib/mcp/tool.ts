/**
 * How every Dojo tool is registered: one place that opens the call, runs the
 * tool, attaches provenance, applies the fallback strategy and turns failures
 * into errors a model and a person can act on. Tools themselves (./tools/)
 * only fetch and shape data.
 */
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { TodoistError, errorText } from '@/lib/todoist/errors';
import { PaginationError, type PageReport } from '@/lib/todoist/pagination';
import type { ToolCall } from './call';
import { todayOf } from './format';
import { BreakerOpenError } from '@/lib/resilience/breaker';
import { Deadline, DeadlineExceededError } from '@/lib/resilience/deadline';
import { CallRecorder, PROVENANCE_META_KEY, TIMELINE_META_KEY, provenanceLine, type Provenance } from './provenance';
import { resilientExecutor } from './resilience';
import type { DojoSession } from './session';
import { MissingTokenError, type TodoistSource } from './source';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface ToolAnswer<Out> {
  /** For programs: validated against the tool's outputSchema. */
  structured: Out;
  /** For the model: compact lines, shown after the provenance line. */
  summary: string[];
  /** The API objects behind the answer, dumped as-is under the `raw` output strategy. */
  raw: unknown;
}

export interface DojoTool<In extends ObjectSchema, Out extends ObjectSchema> {
  name: string;
  title: string;
  /** Written for a model: when to use the tool, what it returns. */
  description: string;
  inputSchema: In;
  outputSchema: Out;
  annotations: ToolAnnotations;
  run(args: z.infer<In>, call: ToolCall): Promise<ToolAnswer<z.infer<Out>>>;
}

export interface DefinedTool<In extends ObjectSchema, Out extends ObjectSchema> extends DojoTool<In, Out> {
  /** Registers this tool on a session's server (keeps each tool's own types in a mixed list). */
  register(server: McpServer, session: DojoSession): void;
}

export function defineTool<In extends ObjectSchema, Out extends ObjectSchema>(tool: DojoTool<In, Out>): DefinedTool<In, Out> {
  return { ...tool, register: (server, session) => registerDojoTool(server, tool, session) };
}

export function registerDojoTool<In extends ObjectSchema, Out extends ObjectSchema>(
  server: McpServer,
  tool: DojoTool<In, Out>,
  session: DojoSession,
): void {
  const handler = async (args: z.infer<In>, extra: Parameters<ToolCallback<In>>[1]): Promise<CallToolResult> => {
    const recorder = new CallRecorder();
    const cacheKey = `${tool.name} ${JSON.stringify(args)}`;
    const resilient = session.strategies.fallback === 'resilient';
    // Only answers that read may be served again later; a stale "Created …" would be a lie.
    const cacheable = resilient && tool.annotations.readOnlyHint === true;
    const deadline = resilient ? new Deadline(session.resilience.settings.deadlineMs) : undefined;
    try {
      const call = await openCall(session, session.source, recorder, extra, deadline);
      const answer = await tool.run(args, call);
      if (cacheable) {
        session.resilience.cache.set(cacheKey, answer);
        recorder.timeline.add({ type: 'cache', outcome: 'stored' });
      }
      return present(answer, provenanceOf(session.source, recorder), session, recorder);
    } catch (error) {
      if (session.strategies.fallback === 'mock-on-error') {
        return cannedAnswer(tool, args, session, error);
      }
      session.log('error', `${tool.name} failed: ${errorText(error)}`);
      const stale = cacheable ? session.resilience.cache.get(cacheKey) : undefined;
      if (stale) {
        recorder.timeline.add({ type: 'cache', outcome: 'served-stale', ageSeconds: stale.ageSeconds });
        const provenance = provenanceOf(session.source, recorder, {
          source: 'cache',
          staleSeconds: stale.ageSeconds,
          degraded: true,
          note: `the live call failed (${errorText(error)}); this is the last good answer, ${stale.ageSeconds} s old`,
        });
        return present(stale.value as ToolAnswer<z.infer<Out>>, provenance, session, recorder);
      }
      if (cacheable) recorder.timeline.add({ type: 'cache', outcome: 'miss' });
      return failure(tool.name, error, session.source, recorder);
    } finally {
      deadline?.dispose();
    }
  };
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      outputSchema: tool.outputSchema,
      annotations: tool.annotations,
    },
    handler as ToolCallback<In>,
  );
}

type RequestExtra = Parameters<ToolCallback<undefined>>[0];

async function openCall(
  session: DojoSession,
  source: TodoistSource,
  recorder: CallRecorder,
  extra?: RequestExtra,
  deadline?: Deadline,
): Promise<ToolCall> {
  const execute = deadline ? resilientExecutor(session.resilience, recorder, deadline) : undefined;
  return {
    client: await source.client(recorder, { execute, timeoutMs: session.resilience.settings.requestTimeoutMs }),
    strategies: session.strategies,
    recorder,
    today: todayOf(session.now()),
    signal: extra?.signal,
    onPage: extra ? progressReporter(extra) : undefined,
  };
}

/** "tasks: page 2, 200 items in 35 ms (cursor MTAwLjhj…), more to come" — for people watching pages arrive. */
export function describePage(listing: string, page: PageReport): string {
  const cursor = page.cursor ? ` (cursor ${page.cursor.slice(0, 8)}…)` : '';
  const more = page.nextCursor ? 'more to come' : 'last page';
  return `${listing}: page ${page.page}, ${page.items} items in ${Math.round(page.durationMs)} ms${cursor}, ${more}`;
}

/** Sends `notifications/progress` per page when the client asked for progress. */
function progressReporter(extra: RequestExtra): ToolCall['onPage'] {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let progress = 0;
  return (page, listing) =>
    void extra.sendNotification({
      method: 'notifications/progress',
      params: {
        progressToken,
        progress: ++progress,
        message: describePage(listing, page),
      },
    });
}

export function provenanceOf(source: TodoistSource, recorder: CallRecorder, extra: Partial<Provenance> = {}): Provenance {
  const note = recorder.notes.length ? recorder.notes.join('; ') : undefined;
  return {
    backend: source.kind,
    ...(source.kind === 'mock' && { scenario: source.scenario }),
    source: 'live',
    pages: recorder.pages,
    requests: recorder.requests,
    bytes: recorder.bytes,
    retries: recorder.retries,
    durationMs: recorder.elapsedMs(),
    degraded: note !== undefined,
    ...(note && { note }),
    ...extra,
  };
}

function present<Out>(answer: ToolAnswer<Out>, provenance: Provenance, session: DojoSession, recorder: CallRecorder): CallToolResult {
  const body = session.strategies.output === 'raw' ? JSON.stringify(answer.raw, null, 2) : answer.summary.join('\n');
  // The naive server never labelled its answers — that is the bug the lessons show.
  const label = session.strategies.fallback === 'mock-on-error' ? [] : [provenanceLine(provenance)];
  if (label.length && provenance.note) label.push(`Note: ${provenance.note}`);
  return {
    content: [{ type: 'text', text: [...label, body].join('\n') }],
    structuredContent: answer.structured as Record<string, unknown>,
    _meta: { [PROVENANCE_META_KEY]: provenance, [TIMELINE_META_KEY]: recorder.timeline.events },
  };
}

/** The story's bug, kept for the lessons: any failure becomes canned mock todos, silently. */
async function cannedAnswer<In extends ObjectSchema, Out extends ObjectSchema>(
  tool: DojoTool<In, Out>,
  args: z.infer<In>,
  session: DojoSession,
  error: unknown,
): Promise<CallToolResult> {
  const recorder = new CallRecorder();
  const answer = await tool.run(args, await openCall(session, session.canned, recorder));
  return present(
    answer,
    provenanceOf(session.canned, recorder, {
      scenario: 'canned',
      degraded: true,
      note: `mock-on-error: the ${session.source.kind} call failed (${errorText(error)}) and canned mock todos were returned in its place, unlabelled`,
    }),
    session,
    recorder,
  );
}

function failure(toolName: string, error: unknown, source: TodoistSource, recorder: CallRecorder): CallToolResult {
  const where = source.kind === 'mock' ? ` [mock backend, scenario "${source.scenario}"]` : '';
  const text = `${toolName} failed${where}: ${describeFailure(error)}`;
  return {
    isError: true,
    content: [{ type: 'text', text }],
    _meta: {
      [PROVENANCE_META_KEY]: provenanceOf(source, recorder, { degraded: true, note: errorKind(error) }),
      [TIMELINE_META_KEY]: recorder.timeline.events,
    },
  };
}

/** What failed, why, and what to do — our typed errors already say all three. */
function describeFailure(error: unknown): string {
  const explained = [MissingTokenError, TodoistError, PaginationError, BreakerOpenError, DeadlineExceededError];
  if (explained.some((kind) => error instanceof kind)) {
    return `${(error as Error).message} No data was returned rather than guessed.`;
  }
  if (error instanceof ConfigError) return `${error.message} No data was returned.`;
  return `unexpected error: ${errorText(error)}. No data was returned.`;
}

function errorKind(error: unknown): string {
  if (error instanceof TodoistError) return `error: ${error.kind}`;
  if (error instanceof Error) return `error: ${error.name}`;
  return 'error';
}
