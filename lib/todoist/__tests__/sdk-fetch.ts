/**
 * Test helper: the official SDK's `customFetch` over our Transport seam, so
 * the SDK (the contract oracle) can read the mock, or a scripted answer, in
 * process — without a socket.
 */
import type { Transport } from '../transport';

export function sdkFetch(transport: Transport) {
  return async (url: string, init?: RequestInit & { timeout?: number }) => {
    const response = await transport(new Request(url, init));
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers),
      text: () => response.text(),
      json: () => response.json() as Promise<unknown>,
    };
  };
}
