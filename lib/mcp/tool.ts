/**
 * How every Dojo tool is registered: one place that opens the call, runs the
 * tool, attaches provenance, applies the fallback strategy and turns failures
 * into errors a model and a person can act on. Tools themselves (./tools/)
 * only fetch and shape data.
 */
import {
  isInputRequiredResult,
  type CallToolResult,
  type InputRequiredResult,
  type McpServer,
  type ServerContext,
  type ToolAnnotations,
  type ToolCallback,
} from '@modelcontextprotocol/server';
import type { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { TodoistApiError, TodoistError, errorText } from '@/lib/todoist/errors';
import { PaginationError, type PageReport } from '@/lib/todoist/pagination';
import type { ToolCall } from './call';
import { confirmationFor, type Confirmation } from './confirmation';
import { todayOf } from './format';
import { BreakerOpenError } from '@/lib/resilience/breaker';
import { Deadline, DeadlineExceededError } from '@/lib/resilience/deadline';
import { CallRecorder, PROVENANCE_META_KEY, TIMELINE_META_KEY, provenanceLine, type Provenance } from './provenance';
import { resilientExecutor } from './resilience';
import { packAnswer, unpackAnswer, type PackedAnswer } from './cached-answer';
import type { DojoContext } from './context';
import { convertJsonSchemaOnce } from './json-schema-once';
import { toolScopeChallenge } from './scopes';
import { strictArguments } from './tool-arguments';
import { DATA_BOUNDARY } from './untrusted-text';
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

/** What a tool's run may give back: an answer, or (a destructive tool) a request for the user's confirmation. */
type RunResult<Out extends ObjectSchema> = ToolAnswer<z.infer<Out>> | InputRequiredResult;

export interface DojoTool<In extends ObjectSchema, Out extends ObjectSchema, Result extends RunResult<Out> = ToolAnswer<z.infer<Out>>> {
  name: string;
  title: string;
  /** Written for a model: when to use the tool, what it returns. */
  description: string;
  inputSchema: In;
  outputSchema: Out;
  annotations: ToolAnnotations;
  /** Only a destructive tool returns an InputRequiredResult: see ./confirmation. */
  run(args: z.infer<In>, call: ToolCall): Promise<Result>;
}

export interface DefinedTool<In extends ObjectSchema, Out extends ObjectSchema, Result extends RunResult<Out> = ToolAnswer<z.infer<Out>>>
  extends DojoTool<In, Out, Result> {
  /** Registers this tool on a server instance (keeps each tool's own types in a mixed list). */
  register(server: McpServer, context: DojoContext): void;
}

export function defineTool<In extends ObjectSchema, Out extends ObjectSchema, Result extends RunResult<Out> = ToolAnswer<z.infer<Out>>>(
  definition: DojoTool<In, Out, Result>,
): DefinedTool<In, Out, Result> {
  // Strict: an argument the tool does not have is refused, never silently dropped. Same shape, same type.
  const strict = strictArguments(definition.name, definition.inputSchema) as unknown as In;
  const tool = {
    ...definition,
    inputSchema: convertJsonSchemaOnce(strict),
    outputSchema: convertJsonSchemaOnce(definition.outputSchema),
  };
  return { ...tool, register: (server, context) => registerDojoTool(server, tool, context) };
}

export function registerDojoTool<In extends ObjectSchema, Out extends ObjectSchema>(
  server: McpServer,
  tool: DojoTool<In, Out, RunResult<Out>>,
  context: DojoContext,
): void {
  const handler = async (args: z.infer<In>, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
    try {
      return await answerCall(tool, args, context, ctx, confirmationFor(server.server, ctx));
    } finally {
      // The workspace (mock writes, breaker, cache) outlives this instance: hand it back to its store.
      await context.persist?.();
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
      // Callers with a token need its scopes; the local learner's own workspace is theirs to read and change.
      scopeChallenge: toolScopeChallenge(tool.annotations),
    },
    // zod's inferred type and the SDK's Standard Schema type are the same object type, spelled two ways.
    handler as unknown as ToolCallback<In>,
  );
}

async function answerCall<In extends ObjectSchema, Out extends ObjectSchema>(
  tool: DojoTool<In, Out, RunResult<Out>>,
  args: z.infer<In>,
  context: DojoContext,
  ctx: ServerContext,
  confirmation: Confirmation,
): Promise<CallToolResult | InputRequiredResult> {
  const recorder = new CallRecorder();
  const cacheKey = `${tool.name} ${JSON.stringify(args)}`;
  const resilient = context.strategies.fallback === 'resilient';
  // Only answers that read may be served again later; a stale "Created …" would be a lie.
  const cacheable = resilient && tool.annotations.readOnlyHint === true;
  const deadline = resilient ? new Deadline(context.resilience.settings.deadlineMs) : undefined;
  try {
    const call = await openCall(context, context.source, recorder, confirmation, ctx, deadline);
    const answer = await tool.run(args, call);
    // The question goes back as it is: no provenance, nothing cached, nothing done yet.
    if (isInputRequiredResult(answer)) return answer;
    if (cacheable && isDueForRefresh(context, cacheKey)) {
      context.resilience.cache.set(cacheKey, packAnswer(answer, context.strategies.output === 'raw'));
      recorder.timeline.add({ type: 'cache', outcome: 'stored' });
    }
    return present(answer, provenanceOf(context, context.source, recorder), context, recorder);
  } catch (error) {
    if (context.strategies.fallback === 'mock-on-error') {
      return cannedAnswer(tool, args, context, confirmation, error);
    }
    void ctx.mcpReq.log('error', `${tool.name} failed: ${errorText(error)}`, 'dojo').catch(() => undefined);
    const stale = cacheable ? (context.resilience.cache.get(cacheKey) as { value: PackedAnswer; ageSeconds: number } | undefined) : undefined;
    if (stale) {
      recorder.timeline.add({ type: 'cache', outcome: 'served-stale', ageSeconds: stale.ageSeconds });
      const provenance = provenanceOf(context, context.source, recorder, {
        source: 'cache',
        staleSeconds: stale.ageSeconds,
        degraded: true,
        note: `the live call failed (${errorText(error)}); this is the last good answer, ${stale.ageSeconds} s old`,
      });
      return present(unpackAnswer<z.infer<Out>>(stale.value), provenance, context, recorder);
    }
    if (cacheable) recorder.timeline.add({ type: 'cache', outcome: 'miss' });
    return failure(tool.name, error, context, recorder);
  } finally {
    deadline?.dispose();
  }
}

/**
 * Packing a large answer costs more CPU than many calls do themselves, and a
 * last good answer one second old is as good a fallback as a fresh one: under
 * a burst of identical calls, keep the one stored a moment ago (its age is
 * still told truthfully when it is served).
 */
const CACHE_REFRESH_MS = 1_000;

function isDueForRefresh(context: DojoContext, cacheKey: string): boolean {
  const stored = context.resilience.cache.get(cacheKey);
  return stored === undefined || stored.ageMs >= CACHE_REFRESH_MS;
}

async function openCall(
  context: DojoContext,
  source: TodoistSource,
  recorder: CallRecorder,
  confirmation: Confirmation,
  ctx?: ServerContext,
  deadline?: Deadline,
): Promise<ToolCall> {
  const execute = deadline ? resilientExecutor(context.resilience, recorder, deadline) : undefined;
  return {
    client: await source.client(recorder, { execute, timeoutMs: context.resilience.settings.requestTimeoutMs }),
    strategies: context.strategies,
    recorder,
    today: todayOf(context.now()),
    signal: ctx?.mcpReq.signal,
    onPage: ctx ? progressReporter(ctx) : undefined,
    confirmation,
  };
}

/** "tasks: page 2, 200 items in 35 ms (cursor MTAwLjhj…), more to come" — for people watching pages arrive. */
export function describePage(listing: string, page: PageReport): string {
  const cursor = page.cursor ? ` (cursor ${page.cursor.slice(0, 8)}…)` : '';
  const more = page.nextCursor ? 'more to come' : 'last page';
  return `${listing}: page ${page.page}, ${page.items} items in ${Math.round(page.durationMs)} ms${cursor}, ${more}`;
}

/** Sends `notifications/progress` per page when the client asked for progress. */
function progressReporter(ctx: ServerContext): ToolCall['onPage'] {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let progress = 0;
  return (page, listing) =>
    void ctx.mcpReq.notify({
      method: 'notifications/progress',
      params: {
        progressToken,
        progress: ++progress,
        message: describePage(listing, page),
      },
    });
}

export function provenanceOf(
  context: Pick<DojoContext, 'workspace' | 'tenant'>,
  source: TodoistSource,
  recorder: CallRecorder,
  extra: Partial<Provenance> = {},
): Provenance {
  const note = [...recorder.notes, ...recorder.facts].join('; ') || undefined;
  return {
    backend: source.kind,
    ...(recorder.upstream && { upstream: recorder.upstream }),
    ...(context.workspace && { workspace: context.workspace }),
    ...(context.tenant && { tenant: context.tenant.key }),
    ...(context.tenant?.account && { account: context.tenant.account }),
    ...(source.kind === 'mock' && { scenario: source.scenario }),
    source: 'live',
    pages: recorder.pages,
    requests: recorder.requests,
    bytes: recorder.bytes,
    retries: recorder.retries,
    durationMs: recorder.elapsedMs(),
    degraded: recorder.notes.length > 0,
    ...(note && { note }),
    ...extra,
  };
}

function present<Out>(answer: ToolAnswer<Out>, provenance: Provenance, context: DojoContext, recorder: CallRecorder): CallToolResult {
  const raw = context.strategies.output === 'raw';
  // Raw: the API's JSON, task text and all, pasted as it came. Compact: one sanitised line per item.
  const body = raw ? JSON.stringify(answer.raw, null, 2) : answer.summary.join('\n');
  // The naive server never labelled its answers — that is the bug the lessons show.
  const label = context.strategies.fallback === 'mock-on-error' ? [] : [provenanceLine(provenance)];
  // Only what makes the answer less than the whole truth; how it was read (a full sync) stays in _meta.
  if (label.length && provenance.degraded && provenance.note) label.push(`Note: ${provenance.note}`);
  // A labelled compact answer then says where the server's words end and the user's data begins.
  if (label.length && !raw) label.push(DATA_BOUNDARY);
  return {
    content: [{ type: 'text', text: [...label, body].join('\n') }],
    structuredContent: answer.structured as Record<string, unknown>,
    _meta: { [PROVENANCE_META_KEY]: provenance, [TIMELINE_META_KEY]: recorder.timeline.events },
  };
}

/** The story's bug, kept for the lessons: any failure becomes canned mock todos, silently. */
async function cannedAnswer<In extends ObjectSchema, Out extends ObjectSchema>(
  tool: DojoTool<In, Out, RunResult<Out>>,
  args: z.infer<In>,
  context: DojoContext,
  confirmation: Confirmation,
  error: unknown,
): Promise<CallToolResult | InputRequiredResult> {
  const recorder = new CallRecorder();
  const canned = context.canned();
  const answer = await tool.run(args, await openCall(context, canned, recorder, confirmation));
  if (isInputRequiredResult(answer)) return answer;
  return present(
    answer,
    provenanceOf(context, canned, recorder, {
      scenario: 'canned',
      degraded: true,
      note: `mock-on-error: the ${context.source.kind} call failed (${errorText(error)}) and canned mock todos were returned in its place, unlabelled`,
    }),
    context,
    recorder,
  );
}

function failure(toolName: string, error: unknown, context: DojoContext, recorder: CallRecorder): CallToolResult {
  const source = context.source;
  const where = source.kind === 'mock' ? ` [mock backend, scenario "${source.scenario}"]` : '';
  const text = `${toolName} failed${where}: ${describeFailure(error, context)}`;
  return {
    isError: true,
    content: [{ type: 'text', text }],
    _meta: {
      [PROVENANCE_META_KEY]: provenanceOf(context, source, recorder, { degraded: true, note: errorKind(error) }),
      [TIMELINE_META_KEY]: recorder.timeline.events,
    },
  };
}

/** What failed, why, and what to do — our typed errors already say all three. */
function describeFailure(error: unknown, context: Pick<DojoContext, 'tenant'>): string {
  const account = context.tenant?.account;
  if (account && error instanceof TodoistApiError && error.status === 401) {
    // A signed-in user's Todoist token was revoked or expired upstream: only they can fix it, by reconnecting.
    return `Todoist refused the token this server keeps for ${account} (${error.method} ${error.path} answered 401: revoked or expired at Todoist). Reconnect Todoist: sign in to this server again from your MCP client. Other users are not affected. No data was returned rather than guessed.`;
  }
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
