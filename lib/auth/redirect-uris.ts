/**
 * Which redirect URIs a client may register. The authorization code travels
 * to this address, so it must be one only the client controls: HTTPS, a
 * loopback address for apps on the user's machine (RFC 8252 §7.3), or a
 * private-use scheme such as `cursor://` (RFC 8252 §7.1). Never a fragment.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function redirectUriProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return 'is not a URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.hash || value.includes('#')) return 'must not contain a fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname) ? undefined : 'must use https (http only on loopback)';
  if (['javascript:', 'data:', 'file:', 'blob:', 'about:', 'vbscript:', 'ftp:', 'ws:', 'wss:'].includes(url.protocol)) {
    return `uses the scheme ${url.protocol} which cannot receive a code`;
  }
  // A private-use scheme of a native app: reverse-domain or app name, e.g. com.example.app:/callback.
  return undefined;
}
