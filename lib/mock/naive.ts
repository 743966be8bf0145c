/**
 * The `naive` scenario: the mock from the story, faithful to its bug.
 *
 * It answers every listing with the same 12 canned todos in one response —
 * no token check, no pagination, no filtering — so code written against it
 * "works" and then quietly breaks on a real account. Do not copy this one.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Dataset } from './dataset';
import { notFound } from './api-errors';

export function createNaiveHandlers(isActive: () => boolean, canned: () => Dataset): RequestHandler[] {
  const api = '*/api/v1';
  const whenActive =
    (answer: (info: { params: Record<string, unknown> }) => Response) =>
    (info: { params: Record<string, unknown> }) =>
      isActive() ? answer(info) : undefined;
  const everything = (results: unknown[]) => HttpResponse.json({ results, next_cursor: null });

  return [
    http.get(`${api}/tasks`, whenActive(() => everything(canned().tasks))),
    http.get(`${api}/tasks/filter`, whenActive(() => everything(canned().tasks))),
    http.get(
      `${api}/tasks/:id`,
      whenActive(({ params }) => {
        const task = canned().tasks.find((each) => each.id === params.id);
        return task ? HttpResponse.json(task) : notFound('Task');
      }),
    ),
    http.get(`${api}/projects`, whenActive(() => everything(canned().projects))),
    http.get(`${api}/sections`, whenActive(() => everything(canned().sections))),
    http.get(`${api}/labels`, whenActive(() => everything(canned().labels))),
    http.get(`${api}/comments`, whenActive(() => everything(canned().comments))),
    http.get(`${api}/user`, whenActive(() => HttpResponse.json(canned().user))),
    // Writes "succeed" and change nothing: the canned list never moves.
    http.post(`${api}/tasks`, whenActive(() => HttpResponse.json(canned().tasks[0]))),
    http.all(`${api}/*`, whenActive(() => new HttpResponse(null, { status: 204 }))),
  ];
}
