/** GET /api/learner: this app's pages, the user and non-browser clients get an id; another site's subresource load does not. */
import { describe, expect, it } from 'vitest';
import { handleLearnerRequest } from '../learner-endpoint';

const secret = Buffer.from('learner-endpoint-test-secret');
const learnerRequest = (headers: Record<string, string>, query = '') => new Request(`http://127.0.0.1:3000/api/learner${query}`, { headers });

describe('GET /api/learner', () => {
  it.each([
    ['the /connect page’s fetch', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }],
    ['curl, or a load script', { host: '127.0.0.1:3000' }],
  ])('%s → an id and its cookie', async (_case, headers) => {
    const response = handleLearnerRequest(learnerRequest(headers), secret);
    expect(response.status).toBe(200);
    expect((await response.json()).learner).toMatch(/^[\w-]{22}\.[\w-]+$/);
    expect(response.headers.get('set-cookie')).toMatch(/^dojo-learner=/);
  });

  it('a cross-site <script> (no Origin) → 403, and no cookie', async () => {
    const headers = { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' };
    const response = handleLearnerRequest(learnerRequest(headers), secret);
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('an unknown query parameter → 400 naming it (learner= is the one it reads)', async () => {
    const response = handleLearnerRequest(learnerRequest({ host: '127.0.0.1:3000' }, '?learner=x&workspace=y'), secret);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('This endpoint takes only "learner": remove "workspace".');
  });
});
