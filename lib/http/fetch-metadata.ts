/**
 * Fetch Metadata (Sec-Fetch-*): what the browser says about who asked.
 *
 * Origin alone cannot guard a GET: an `<img src>` or `<script src>` on any
 * web page sends none, yet still makes the server do the work. Browsers
 * (Chromium, Firefox, Safari ≥ 16.4) add `Sec-Fetch-Site`, `-Mode` and
 * `-Dest` to every request, and a page cannot forge them. A request without
 * them comes from a client that is not a browser (curl, an MCP client) or an
 * old one: it is left to the other guards (Host, Origin, the endpoint's
 * concurrency cap).
 */

/** `same-origin`: one of our pages; `none`: the user themself (address bar, bookmark). */
const ALLOWED_SITES = new Set(['same-origin', 'none']);
/** `empty`: fetch()/XHR; `document`: opening the URL itself. Anything else is a subresource (image, script, style, …). */
const ALLOWED_DESTINATIONS = new Set(['empty', 'document']);

/** Why the browser's own description of the request rules it out, or `undefined` when it may proceed. */
export function fetchMetadataRefusal(request: Request): string | undefined {
  const site = request.headers.get('sec-fetch-site');
  if (site && !ALLOWED_SITES.has(site)) return `a ${site} request (Sec-Fetch-Site) cannot use this endpoint; only this app's pages can`;
  if (request.headers.get('sec-fetch-mode') === 'no-cors') {
    return 'a no-cors load (Sec-Fetch-Mode: no-cors, e.g. <img> or <script>) cannot use this endpoint';
  }
  const destination = request.headers.get('sec-fetch-dest');
  if (destination && !ALLOWED_DESTINATIONS.has(destination)) {
    return `a subresource load (Sec-Fetch-Dest: ${destination}) cannot use this endpoint`;
  }
  return undefined;
}

/** The browser says a page of this very origin sent it (not the user, not another site). */
export function isSameOriginFetch(request: Request): boolean {
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
