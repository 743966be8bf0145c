/**
 * The resources a client can subscribe to, by URI. A module of its own, with
 * no imports: the browser's live feed names them too, without pulling in the
 * server that reads them.
 */

/** The URIs a change is published on (the replica works out which of these a change touched). */
export const RESOURCE_URIS = {
  projects: 'todoist://projects',
  tasksToday: 'todoist://tasks/today',
  tasksOverdue: 'todoist://tasks/overdue',
} as const;

export const PROJECT_TASKS_TEMPLATE = 'todoist://projects/{id}/tasks';

/** The URI of one project's tasks; a subscription matches it exactly, so publish this very string. */
export function projectTasksUri(projectId: string): string {
  return `todoist://projects/${projectId}/tasks`;
}
