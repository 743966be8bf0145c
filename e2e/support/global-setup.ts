/**
 * Before the run: forget the response bodies of the previous one, so the token-exposure check after this run
 * scans this run's bodies only, and its verdict is never last run's. (The servers' logs start afresh with each server: see playwright.config.ts.)
 */
import { rmSync } from 'node:fs';
import { E2E_BODIES_DIR } from './servers';

export default function globalSetup(): void {
  rmSync(E2E_BODIES_DIR, { recursive: true, force: true });
  rmSync('test-results/secret-exposure.json', { force: true });
}
