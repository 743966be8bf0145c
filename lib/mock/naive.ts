/**
 * The `naive` scenario: the mock from the story, faithful to its bug.
 *
 * It answers every listing with the same 12 canned todos in one response —
 * no token check, no pagination, no filtering — so code written against it
 * "works" and then quietly breaks on a real account. Do not copy this one.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { jsonResponse } from './json-response';
import type { Dataset } from './dataset';
import { notFound } from './api-errors';

/** Built once and shared: `isActive` and `canned` are asked per request (which backend, which day). */
export function createNaiveHandlers(
  isActive: (request: Request) => boolean,
  canned: (request: Request) => Dataset,
): RequestHandler[] {
  const api = '*/api/v1';
  type Info = { request: Request; params: Record<string, unknown> };
  const whenActive = (answer: (info: Info & { data: Dataset }) => Response) => (info: Info) =>
    isActive(info.request) ? answer({ ...info, data: canned(info.request) }) : undefined;
  const everything = (results: unknown[]) => jsonResponse({ results, next_cursor: null });

  return [
    http.get(`${api}/tasks`, whenActive(({ data }) => everything(data.tasks))),
    http.get(`${api}/tasks/filter`, whenActive(({ data }) => everything(data.tasks))),
    http.get(
      `${api}/tasks/:id`,
      whenActive(({ data, params }) => {
        const task = data.tasks.find((each) => each.id === params.id);
        return task ? jsonResponse(task) : notFound('Task');
      }),
    ),
    http.get(`${api}/projects`, whenActive(({ data }) => everything(data.projects))),
    http.get(`${api}/sections`, whenActive(({ data }) => everything(data.sections))),
    http.get(`${api}/labels`, whenActive(({ data }) => everything(data.labels))),
    http.get(`${api}/comments`, whenActive(({ data }) => everything(data.comments))),
    http.get(`${api}/user`, whenActive(({ data }) => jsonResponse(data.user))),
    // The story's mock predates Sync; asked anyway, it answers as it answers everything: the canned todos, at once.
    http.post(`${api}/sync`, whenActive(({ data }) => jsonResponse({ sync_token: 'naive', full_sync: true, items: data.tasks }))),
    // Writes "succeed" and change nothing: the canned list never moves.
    http.post(`${api}/tasks`, whenActive(({ data }) => jsonResponse(data.tasks[0]))),
    http.all(`${api}/*`, whenActive(() => new HttpResponse(null, { status: 204 }))),
  ];
}
