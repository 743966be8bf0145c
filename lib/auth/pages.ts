/**
 * The small HTML page a person sees when a browser step fails and there is
 * no safe place to redirect to: what failed, why, and what to do next.
 * Server-rendered, every dynamic part escaped, no script at all (the CSP
 * forbids one), and never a token, secret or upstream body on it.
 */
export interface ErrorPage {
  status: number;
  title: string;
  /** What happened, in one sentence. */
  what: string;
  /** Why, as far as we know it. */
  why: string;
  /** What the person can do now. */
  next: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function errorPageResponse(page: ErrorPage, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · MCP Dojo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}h1{font-size:1.4rem}h2{font-size:1rem;margin-bottom:.25rem}@media (prefers-color-scheme:dark){body{color:#eee;background:#111}}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p role="alert">${escapeHtml(page.what)}</p>
<h2>Why</h2>
<p>${escapeHtml(page.why)}</p>
<h2>What to do</h2>
<p>${escapeHtml(page.next)}</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: page.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
