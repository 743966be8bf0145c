/**
 * The client's settings and limits, without the MCP SDK: components that only
 * show a choice or a timeout import these, so a page does not download the
 * SDK before the learner runs anything (connect.ts re-exports them).
 */
import type { SettingValue } from '../setting-choices';

export const PROTOCOL_CHOICES = ['2026-07-28', '2025-11-25'] as const;
export type ProtocolChoice = (typeof PROTOCOL_CHOICES)[number];
export const DEFAULT_PROTOCOL: ProtocolChoice = '2026-07-28';

export function isProtocolChoice(value: unknown): value is ProtocolChoice {
  return (PROTOCOL_CHOICES as readonly unknown[]).includes(value);
}

/** How long any one request (the connect probe or handshake, a tool call) may take before the client gives up. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** A workspace name as the server takes it: which of the learner's workspaces (data, scenario, breaker, cache) a request uses. */
export const WORKSPACE_NAME = /^[a-z0-9-]{1,40}$/;

/**
 * The query settings of the endpoint (see the server's settings parser); unset ones take the server's defaults.
 * The values are those of ../setting-choices, the one list the server's parser also takes them from.
 */
export interface DojoClientSettings {
  backend: SettingValue<'backend'>;
  scenario?: SettingValue<'scenario'>;
  size: SettingValue<'size'>;
  strategy: SettingValue<'strategy'>;
  /** Real backend: the configured token, or a simulated missing / wrong one. Left out, the server uses the configured one. */
  token?: SettingValue<'token'>;
  output?: SettingValue<'output'>;
  seed?: number;
  /** Which of the learner's workspaces; `default` when left out. Demos whose state must not mix use different names. */
  workspace?: string;
  /** Real backend: `auto` = the configured token's API, or the app's Todoist stand-in when there is no token. */
  upstream?: SettingValue<'upstream'>;
  /** Lesson 7: `naive` asks the naive multi-user server (signed-in stand-in users only). */
  tenancy?: SettingValue<'tenancy'>;
}
