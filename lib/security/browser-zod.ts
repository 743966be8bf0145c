/**
 * zod compiles fast parsers with `new Function` when eval is allowed, and
 * probes for that the first time it parses. The pages' Content-Security-Policy
 * refuses eval (lib/security/headers.ts), so in the browser the probe would
 * only log a violation: tell zod up front to parse without compiling. The
 * server keeps its compiled parsers (no CSP applies there).
 */
import { config } from 'zod';

export function parseWithoutEvalInBrowser(): void {
  if (typeof window !== 'undefined') config({ jitless: true });
}
