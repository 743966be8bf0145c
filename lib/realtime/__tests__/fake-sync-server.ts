/**
 * A small stand-in for Todoist's Sync endpoint, for the replica's unit tests:
 * tokens are "tok-<change number>", a delta holds the latest version of each
 * task changed since, and any other token is refused as Todoist refuses one.
 * (The mock backend's real Sync is exercised in replica-mock.test.ts.)
 */
import type { Project, Task } from '@/lib/todoist/schemas';
import { errorAnswer, syncProject } from '@/lib/todoist/__tests__/sync-fixtures';

export interface FakeSyncServer {
  transport: (request: Request) => Promise<Response>;
  /** The sync_token of every request, in order. */
  tokensSeen: string[];
  /** Records a change: the task as it is now (checked, deleted, moved…), or a project. */
  changeTask(task: Task): void;
  changeProject(project: Project): void;
  /** The next answer, whatever was asked: a full sync. */
  answerFullNext(): void;
  /** Holds the next request until `release()` is called (to overlap two refreshes). */
  holdNext(): { release: () => void };
}

export function fakeSyncServer(options: { tasks: Task[]; projects: Project[]; userId?: string; timeZone?: string }): FakeSyncServer {
  const tasks = new Map(options.tasks.map((task) => [task.id, task]));
  const projects = new Map(options.projects.map((project) => [project.id, project]));
  const log: Array<{ seq: number; kind: 'task' | 'project'; id: string }> = [];
  let seq = 0;
  let fullNext = false;
  let hold: Promise<void> | undefined;
  const tokensSeen: string[] = [];
  const user = { id: options.userId ?? '2671355', full_name: 'Alice Example', tz_info: { timezone: options.timeZone ?? 'UTC', gmt_string: '+00:00' } };

  const json = (body: unknown, status = 200) => Response.json(body, { status });

  return {
    tokensSeen,
    changeTask(task) {
      tasks.set(task.id, task);
      log.push({ seq: ++seq, kind: 'task', id: task.id });
    },
    changeProject(project) {
      projects.set(project.id, project);
      log.push({ seq: ++seq, kind: 'project', id: project.id });
    },
    answerFullNext() {
      fullNext = true;
    },
    holdNext() {
      let release = () => undefined as void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return { release };
    },
    async transport(request) {
      const form = new URLSearchParams(await request.text());
      const token = form.get('sync_token') ?? '';
      tokensSeen.push(token);
      const held = hold;
      hold = undefined;
      if (held) await held;
      const match = /^tok-(\d+)$/.exec(token);
      if (token === '*' || fullNext) {
        fullNext = false;
        return json({
          sync_token: `tok-${seq}`,
          full_sync: true,
          items: [...tasks.values()].filter((task) => !task.checked && !task.is_deleted),
          projects: [...projects.values()].filter((project) => !project.is_deleted && !project.is_archived).map((project) => syncProject(project)),
          user,
        });
      }
      if (!match || Number(match[1]) > seq) {
        return json(errorAnswer(400, 'INVALID_ARGUMENT_VALUE', { argument: 'sync_token' }, 'Invalid sync token'), 400);
      }
      const since = log.filter((entry) => entry.seq > Number(match[1]));
      const ids = (kind: 'task' | 'project') => [...new Set(since.filter((entry) => entry.kind === kind).map((entry) => entry.id))];
      return json({
        sync_token: `tok-${seq}`,
        full_sync: false,
        items: ids('task').map((id) => tasks.get(id)),
        projects: ids('project').map((id) => syncProject(projects.get(id))),
      });
    },
  };
}
