/**
 * Fuzzing every tool's arguments (fast-check) over real HTTP against the real endpoint, mock backend, in both
 * protocol eras. Each generated call — well-shaped or hostile: wrong types, huge strings, lone surrogates, "..",
 * unicode, nested objects, arguments that are null or an array or a number, no tool name — is sent as a
 * 2026-07-28 client and as a 2025-11-25 client would send it. Whatever comes back must be:
 * - an HTTP answer (no dropped connection), never a 5xx;
 * - a JSON-RPC response to that request, at most RESPONSE_BYTES_MAX bytes (no argument is echoed in bulk);
 * - a success labelled with its source, or a refusal that says what was wrong: an isError result naming the
 *   argument (or, for a call the mock refused, the tool and Todoist's reason), or a JSON-RPC error naming
 *   params.name / params.arguments or the unknown tool — never a zod dump, never "unexpected error".
 *
 * Budget: RUNS generated calls × 2 eras = 2,000 HTTP calls per run. Measured on the 2-core dev machine: 8–11 s,
 * alone or within the whole unit run; the test's timeout (TIME_BUDGET_MS) leaves room for a slower CI machine
 * and for shrinking a failure. The run is bounded by numRuns, never by the clock.
 * A failure prints fast-check's seed and the shrunk call; replay it with `fc.assert(..., { seed, path })`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOJO_TOOLS } from '../tools';
import { WIRE_ERAS, postRaw, startMockEndpoint, type RawAnswer, type WireEra } from './raw-json-rpc';

const RUNS = 1_000;
const TIME_BUDGET_MS = 120_000;
const RESPONSE_BYTES_MAX = 64 * 1024;

let server: Awaited<ReturnType<typeof startMockEndpoint>>;
/** Ids that exist in the mock's tiny dataset, so well-shaped calls also reach the success paths. */
const known = { tasks: [] as string[], projects: [] as string[], sections: [] as string[], labels: [] as string[] };
// Throwaway workspace (no learner): the writes of one call never pile up into the next call's answer.
const endpointUrl = () => `${server.running.origin}/api/mcp?backend=mock&size=tiny`;

beforeAll(async () => {
  server = await startMockEndpoint();
  const listed = await postRaw(endpointUrl(), '2026-07-28', { id: 1, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } });
  const tasks = (listed.message?.result?.structuredContent as { tasks: { id: string; projectId: string; sectionId?: string; labels: string[] }[] }).tasks;
  known.tasks = tasks.map((task) => task.id);
  known.projects = [...new Set(tasks.map((task) => task.projectId))];
  known.sections = [...new Set(tasks.flatMap((task) => (task.sectionId ? [task.sectionId] : [])))];
  known.labels = [...new Set(tasks.flatMap((task) => task.labels))];
});
afterAll(() => server.running.close());

// ── Values ───────────────────────────────────────────────────────────────────────────────────────────────────

const HUGE_STRINGS = ['😀'.repeat(100_000), 'x'.repeat(70_000), '\ud800'.repeat(10_000), `${'../'.repeat(10_000)}user`];
const PATH_TRICKS = ['..', '.', '../user', '../../projects', 'a/b', '%2e%2e', '%2F', 'a?limit=1', '#x', '', ' ', 'a\u0000b', '\n'];
const LONE_SURROGATES = ['\ud800', 'a\udfffb', '\udc00\ud800', 'task\ud83d'];

/** Anything a careless or hostile client might send where a value belongs. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HUGE_STRINGS, ...PATH_TRICKS, ...LONE_SURROGATES),
  fc.string({ unit: 'binary', maxLength: 40 }), // any code points, lone surrogates included
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 3, maxKeys: 4 }),
);

const okText = (maxLength: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength });
const someId = (ids: () => string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1, 2, 3).map((i) => ids()[i] ?? 'fallback-id') }, fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));
const priority = fc.constantFrom('p1', 'p2', 'p3', 'p4');
const query = fc.oneof(
  fc.constantFrom('today', 'overdue | today', 'p1', '7 days & !recurring', 'no date', 'search: milk', '#Inbox', '@errands', '(p1 | p2) & today'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 60 }),
);

/** Each tool's arguments: usually a value of the right shape, sometimes a hostile one. */
const ARGUMENT_VALUES = {
  list_projects: { format: fc.constantFrom('flat', 'tree') },
  list_tasks: {
    project_id: someId(() => known.projects),
    section_id: someId(() => known.sections),
    label: fc.oneof(fc.constantFrom(0, 1).map((i) => known.labels[i] ?? 'errands'), okText(20)),
    priority,
    parent_id: someId(() => known.tasks),
  },
  filter_tasks: { query },
  get_task: { task_id: someId(() => known.tasks) },
  get_overview: { budget_tokens: fc.integer({ min: 100, max: 50_000 }) },
  create_task: {
    content: okText(80),
    description: okText(200),
    project_id: someId(() => known.projects),
    section_id: someId(() => known.sections),
    parent_id: someId(() => known.tasks),
    labels: fc.array(okText(20), { maxLength: 4 }),
    priority,
    due_string: fc.constantFrom('tomorrow', 'every monday', 'next friday at 5pm'),
  },
  complete_task: { task_id: someId(() => known.tasks) },
  delete_task: { task_id: someId(() => known.tasks), confirm: fc.boolean() },
} satisfies Record<string, Record<string, fc.Arbitrary<unknown>>>;

type ToolName = keyof typeof ARGUMENT_VALUES;
const TOOL_NAMES = Object.keys(ARGUMENT_VALUES) as ToolName[];

const maybeHostile = (value: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: hostileValue });

function argumentsFor(tool: ToolName): fc.Arbitrary<unknown> {
  const values: Record<string, fc.Arbitrary<unknown>> = ARGUMENT_VALUES[tool];
  const wellShaped = fc.record(values, { requiredKeys: [] });
  const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, maybeHostile(value)]));
  const record = fc.record(fields, { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: wellShaped },
    { weight: 6, arbitrary: record },
    // Keys the tool does not have, beside or instead of its own.
    { weight: 1, arbitrary: fc.tuple(record, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a })) },
    // Not an object at all.
    { weight: 1, arbitrary: fc.constantFrom(null, 'task_id=1', [], [{ task_id: 'x' }], 5, true) },
  );
}

const ABSENT = Symbol('absent');
interface GeneratedCall {
  name: unknown;
  arguments: unknown;
}

const generatedCall: fc.Arbitrary<GeneratedCall> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...TOOL_NAMES).chain((name) => fc.record({ name: fc.constant(name), arguments: argumentsFor(name) })) },
  // A tool's arguments left out: the SDK reads them as {}.
  { weight: 1, arbitrary: fc.constantFrom(...TOOL_NAMES).map((name) => ({ name, arguments: ABSENT })) },
  // No tool by that name, or no name at all.
  {
    weight: 2,
    arbitrary: fc.record({
      name: fc.oneof(fc.constant(ABSENT), fc.constantFrom('', 'delete_everything', 'x'.repeat(129), 'get_task\ud800'), hostileValue),
      arguments: fc.oneof(fc.constant(ABSENT), fc.constant({}), hostileValue),
    }),
  },
);

function paramsOf(call: GeneratedCall): Record<string, unknown> {
  return {
    ...(call.name !== ABSENT && { name: call.name }),
    ...(call.arguments !== ABSENT && { arguments: call.arguments }),
  };
}

// ── What every answer must be ────────────────────────────────────────────────────────────────────────────────

const INPUT_FIELDS = new Map(DOJO_TOOLS.map((tool) => [tool.name, Object.keys(tool.inputSchema.shape)]));
const isTool = (name: unknown): name is ToolName => typeof name === 'string' && INPUT_FIELDS.has(name);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Node's HTTP parser refuses larger request headers with 431 before any code of ours runs (its default limit). */
const NODE_MAX_HEADER_BYTES = 16 * 1024;

function expectAnswerExplains(call: GeneratedCall, era: WireEra, answer: RawAnswer): void {
  const where = `${era}: ${describeCall(call)}`;
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status === 431) {
    // A 2026-07-28 client repeats a huge tool name in the Mcp-Name header: the status itself says what was wrong.
    expect(answer.requestHeaderBytes, where).toBeGreaterThan(NODE_MAX_HEADER_BYTES - 1_024);
    return;
  }
  expect(answer.bytes, where).toBeLessThanOrEqual(RESPONSE_BYTES_MAX);
  const message = answer.message;
  expect(message, `${where}: no JSON-RPC response (HTTP ${answer.status})`).toBeDefined();

  if (message?.error) {
    const text = message.error.message;
    expect(text, where).not.toMatch(/"code":\s*"invalid_type"|unexpected error/);
    // Our check before the SDK (params.name / params.arguments), the SDK's unknown tool, or its Mcp-Name cross-check.
    expect(text, where).toMatch(/^Invalid tools\/call request: (tools\/call needs params|params\.(name|arguments) )|^Tool .{0,128} not found$|params\.name=/s);
    return;
  }

  const result = message?.result as { isError?: boolean; content?: { type: string; text?: string }[] };
  const text = (result.content ?? []).map((part) => part.text ?? '').join('\n');
  const tool = call.name as ToolName;
  expect(isTool(call.name), `${where}: a tool that does not exist answered ${text.slice(0, 200)}`).toBe(true);
  if (!result.isError) {
    expect(text, where).toMatch(/^Source: MOCK DATA/);
    return;
  }
  expect(text, where).not.toMatch(/unexpected error|"code":\s*"invalid_type"/);
  const fields = INPUT_FIELDS.get(tool)!.map(escape).join('|');
  // An argument of the tool named with what is wrong with it, or keys the tool does not have (named, with the known ones).
  const namesArgument = new RegExp(`^Input validation error: Invalid arguments for tool ${tool}: ((${fields})(\\.\\d+)?: |unknown arguments? .*; ${tool} takes)`, 's');
  // A call the mock Todoist refused: the tool, then Todoist's reason (404 not found, 400 naming the argument).
  const upstreamRefused = new RegExp(`^${tool} failed \\[mock backend, scenario "faithful"\\]: \\S+ \\S+ failed with 4\\d\\d: `);
  expect(text, where).toMatch(new RegExp(`${namesArgument.source}|${upstreamRefused.source}`));
}

function describeCall(call: GeneratedCall): string {
  const shown = JSON.stringify(paramsOf(call), (_key, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `<${value.length} characters: ${value.slice(0, 20)}…>` : value,
  );
  return shown.length > 600 ? `${shown.slice(0, 600)}…` : shown;
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────────────

describe('fuzzing the tools over HTTP, both eras', () => {
  it('generates every argument of every tool (a new tool or argument must be fuzzed too)', () => {
    const generated = Object.fromEntries(TOOL_NAMES.map((name) => [name, Object.keys(ARGUMENT_VALUES[name]).sort()]));
    expect(generated).toEqual(Object.fromEntries(DOJO_TOOLS.map((tool) => [tool.name, Object.keys(tool.inputSchema.shape).sort()])));
  });

  it(
    `${RUNS} generated calls × ${WIRE_ERAS.length} eras: no 5xx, no dropped connection, every refusal says what was wrong`,
    async () => {
      let calls = 0;
      let id = 100;
      await fc.assert(
        fc.asyncProperty(generatedCall, async (call) => {
          for (const era of WIRE_ERAS) {
            calls += 1;
            const answer = await postRaw(endpointUrl(), era, { id: ++id, method: 'tools/call', params: paramsOf(call) });
            expectAnswerExplains(call, era, answer);
          }
        }),
        { numRuns: RUNS },
      );
      expect(calls).toBeGreaterThanOrEqual(2_000);
    },
    TIME_BUDGET_MS,
  );
});
