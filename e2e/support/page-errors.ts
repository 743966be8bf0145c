import type { Page } from '@playwright/test';

/**
 * Console errors, uncaught exceptions and HTTP responses of 400 or more, gathered
 * from now until the end of the test. Tests end with `expect(errors).toEqual([])`;
 * a test that causes an error on purpose empties the array afterwards
 * (`errors.length = 0`).
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // Name the URL behind "Failed to load resource" console errors.
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return errors;
}

/** Every response body the page receives, to prove a secret never comes back. */
export function collectResponseBodies(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on('response', (res) => bodies.push(res.text().catch(() => '')));
  return bodies;
}
