/**
 * Lesson 8's naive webhook receiver — kept on purpose, to show what the
 * production one (webhook-receiver.ts) is for. It makes the three mistakes
 * that look reasonable until Todoist's delivery semantics meet them:
 *
 * - it checks no signature, so anyone who can POST can change what it believes;
 * - it keeps no delivery ids, so a retried or duplicated delivery is applied twice;
 * - it trusts the body, so a late or out-of-order event overwrites newer state,
 *   and a lost one is never noticed.
 *
 * It applies each event's `event_data` to its own copy of the tasks. It only
 * ever runs inside the lesson's drill, on mock data.
 */
import type { TodoistWebhookEvent } from './webhook-event';

export interface NaiveTask {
  id: string;
  content: string;
  checked: boolean;
}

export class NaiveReceiver {
  /** What this receiver believes the account holds: a list, as a dashboard would keep it. */
  readonly tasks: NaiveTask[];

  constructor(initial: Iterable<NaiveTask> = []) {
    this.tasks = [...initial].map((task) => ({ ...task }));
  }

  /** Everything gets a 200: nothing is verified, nothing is remembered. */
  receive(rawBody: string): { status: 200 } {
    const event = JSON.parse(rawBody) as TodoistWebhookEvent;
    const task = naiveTask(event.event_data);
    const index = this.tasks.findIndex((each) => each.id === task.id);
    if (event.event_name === 'item:added') this.tasks.push(task); // a second delivery adds it again
    else if (event.event_name === 'item:deleted') this.tasks.splice(index, index < 0 ? 0 : 1);
    // item:updated, item:completed, item:uncompleted: the body is taken as the latest truth, whenever it was sent.
    else if (index >= 0) this.tasks[index] = task;
    else this.tasks.push(task);
    return { status: 200 };
  }
}

function naiveTask(data: Record<string, unknown>): NaiveTask {
  return { id: String(data.id), content: String(data.content ?? ''), checked: data.checked === true };
}
