/**
 * The naive multi-user MCP server — the bug lesson 7 is about, kept so the
 * lesson can run it next to the production one.
 *
 * Every caller is signed in and verified; the mistake is where it keeps
 * state. It was written for one user and keeps two things for the whole
 * process:
 *   1. one Todoist client, built from the first token it saw, and
 *   2. one answer cache, keyed by tool and arguments only.
 * The second user who calls gets the first user's tasks — from the client or
 * from the cache — and nothing in the answer says so.
 *
 * In the naive original these were module-level variables. Here each learner's
 * demo gets a copy of its own (a `NaiveProcess`), so the leak stays between
 * that learner's own sample users. It runs only against the stand-in's sample
 * accounts: a naive strategy never runs against a real account.
 */
import { McpServer, type CallToolResult } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { TodoistClient } from '@/lib/todoist/client';
import { collectAll } from '@/lib/todoist/pagination';
import { createRealTransport } from '@/lib/todoist/transport';

export interface TodoistAccess {
  token: string;
  apiBase: string;
}

/** What one naive process keeps between requests — for everyone. */
export class NaiveProcess {
  /** Built from the first caller's token; every later caller reads through it. */
  todoist: TodoistClient | undefined;
  /** Keyed by tool and arguments only: whoever asked first decides what everyone gets. */
  readonly cache = new Map<string, CallToolResult>();
}

export const NAIVE_TENANCY_META_KEY = 'dojo/naive-tenancy';

export function createNaiveTenancyServer(process: NaiveProcess, callerAccess: () => Promise<TodoistAccess>): McpServer {
  const server = new McpServer({ name: 'naive-multi-user-todoist', version: '0.1.0' });
  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks (naive multi-user server)',
      description: "Lists the signed-in user's active tasks — or so it says.",
      inputSchema: z.object({ project_id: z.string().min(1).optional() }),
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const cacheKey = `list_tasks ${JSON.stringify(args)}`; // BUG: no user in the key
      const cached = process.cache.get(cacheKey);
      if (cached) return withMeta(cached, { cache: 'hit' });

      // BUG: the first caller's token becomes everyone's.
      process.todoist ??= clientFor(await callerAccess());
      const user = await process.todoist.getUser();
      const { items } = await collectAll((query, signal) => process.todoist!.listPage('tasks', query, signal), args);
      const result: CallToolResult = {
        content: [
          {
            type: 'text',
            text: [`${items.length} active tasks in the Todoist account of ${user.full_name}:`, ...items.map((task) => `- ${task.content} (id ${task.id})`)].join('\n'),
          },
        ],
        _meta: { [NAIVE_TENANCY_META_KEY]: { account: user.full_name, accountId: user.id, taskIds: items.map((task) => task.id) } },
      };
      process.cache.set(cacheKey, result);
      return withMeta(result, { cache: 'miss' });
    },
  );
  return server;
}

function clientFor(access: TodoistAccess): TodoistClient {
  return new TodoistClient({ transport: createRealTransport(), token: access.token, baseUrl: access.apiBase });
}

function withMeta(result: CallToolResult, extra: Record<string, unknown>): CallToolResult {
  const meta = result._meta?.[NAIVE_TENANCY_META_KEY] as Record<string, unknown>;
  return { ...result, _meta: { ...result._meta, [NAIVE_TENANCY_META_KEY]: { ...meta, ...extra } } };
}

/**
 * One naive process per learner, so the demo's leak never crosses learners.
 * Bounded: the oldest learner's process makes room for a new one.
 */
export class NaiveProcesses {
  readonly #processes = new Map<string, NaiveProcess>();
  constructor(private readonly max = 1_000) {}

  for(household: string): NaiveProcess {
    let process = this.#processes.get(household);
    if (!process) {
      process = new NaiveProcess();
      this.#processes.set(household, process);
      if (this.#processes.size > this.max) this.#processes.delete(this.#processes.keys().next().value!);
    }
    return process;
  }

  /** "Restart the naive server": forget its client and cache. */
  restart(household: string): void {
    this.#processes.delete(household);
  }
}

const globalForNaive = globalThis as typeof globalThis & { dojoNaiveProcesses?: NaiveProcesses };

/** This app's naive processes (one per learner), shared by the MCP route and the reset route. */
export function getNaiveProcesses(): NaiveProcesses {
  globalForNaive.dojoNaiveProcesses ??= new NaiveProcesses();
  return globalForNaive.dojoNaiveProcesses;
}
