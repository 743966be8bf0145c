/**
 * What one MCP session knows: where its data comes from, which strategies it
 * runs, and how to log. One session per McpServer, so mock state, strategies
 * and (later) tenants never leak between sessions.
 */
import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import type { SessionResilience } from './resilience';
import type { Strategies } from './strategies';
import type { TodoistSource } from './source';

export interface DojoSession {
  source: TodoistSource;
  /** The canned todos the naive `mock-on-error` fallback substitutes. */
  canned: TodoistSource;
  strategies: Strategies;
  /** Breaker and last-good cache of this session's backend (used by the `resilient` fallback). */
  resilience: SessionResilience;
  now(): Date;
  log(level: LoggingLevel, message: string): void;
}
