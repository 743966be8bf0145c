/** The browser's localStorage, or `undefined` where there is none (the server) or it is switched off (it throws then). */
export function localStorageIfAvailable(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
