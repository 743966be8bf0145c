/**
 * The stand-in's two HTML pages, rendered on the server as plain strings:
 * the consent page (who you sign in as, what the app may do) and the error
 * page (what went wrong, what to do). No script at all — a consent page is
 * the last place to run code — and headers that keep it out of frames (a
 * framed consent page can be clickjacked) and out of caches.
 */
import { SAMPLE_USERS } from './sample-users';
import { TODOIST_SCOPES, type TodoistScope } from './standin-oauth-scopes';

export interface ConsentPageInput {
  appName: string;
  scopes: TodoistScope[];
  /** Sent back with the form, unchanged. */
  request: { clientId: string; redirectUri: string; scope: string; state: string };
  /** Whether each sample account will be this learner's own copy (the app's cookie came along). */
  ownCopies: boolean;
}

export function consentPage({ appName, scopes, request, ownCopies }: ConsentPageInput): Response {
  const destination = new URL(request.redirectUri).host;
  const hidden = Object.entries({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const users = SAMPLE_USERS.map(
    (user, index) => `<div class="user">
          <input type="radio" id="user-${user.id}" name="user" value="${user.id}"${index === 0 ? ' checked' : ''}>
          <label for="user-${user.id}">${escapeHtml(user.name)} <span class="email">${escapeHtml(user.email)}</span></label>
        </div>`,
  ).join('\n        ');
  const body = `<h1>${escapeHtml(appName)} wants to access your Todoist account</h1>
    <p class="note">This is the Todoist stand-in: every account is sample data, nothing here is real.
      ${ownCopies ? 'Each account is your own copy: another learner who picks the same person sees their own.' : 'Accounts here are shared by everyone using this stand-in.'}</p>
    <h2>${escapeHtml(appName)} asks to</h2>
    <ul>
      ${scopes.map((scope) => `<li>${escapeHtml(TODOIST_SCOPES[scope])} <code>${scope}</code></li>`).join('\n      ')}
    </ul>
    <form method="post" action="authorize">
      ${hidden}
      <fieldset>
        <legend>Sign in as</legend>
        ${users}
      </fieldset>
      <p>Either way you go back to <strong>${escapeHtml(destination)}</strong>.</p>
      <div class="actions">
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny">Deny</button>
      </div>
    </form>`;
  return htmlPage(`Authorize ${appName} — Todoist stand-in`, body, 200);
}

export interface ErrorPageInput {
  title: string;
  /** What happened, in one or two sentences. Never a token or a secret. */
  problem: string;
  whatToDo: string;
  status?: number;
}

export function errorPage({ title, problem, whatToDo, status = 400 }: ErrorPageInput): Response {
  const body = `<h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(problem)}</p>
    <p><strong>What to do:</strong> ${escapeHtml(whatToDo)}</p>`;
  return htmlPage(`${title} — Todoist stand-in`, body, status);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  main { max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }
  .note { padding: .5rem .75rem; border-left: 4px solid #b8382c; background: color-mix(in srgb, #b8382c 10%, transparent); }
  fieldset { border: 1px solid #8888; border-radius: .5rem; padding: .5rem 1rem; }
  .user { padding: .25rem 0; }
  .email { opacity: .75; font-size: .9em; }
  .actions { display: flex; gap: .75rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: .375rem; border: 1px solid #8888; cursor: pointer; }
  /* Todoist red, darkened so white text keeps a 4.5:1 contrast. */
  button[value="allow"] { background: #b8382c; color: white; border-color: #b8382c; }
  :focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
`;

function htmlPage(title: string, body: string, status: number): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>${STYLE}</style>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // No script may run, no one may frame the page; styles are the inline block above.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      // The page's URL carries the client's state: keep it out of Referer headers.
      'referrer-policy': 'no-referrer',
    },
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
