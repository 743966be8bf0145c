/**
 * The settings endpoint (app/api/settings) as plain Fetch handlers, so tests can
 * call them with `new Request(...)`.
 *
 * GET reports where each setting comes from, and which mode the server is in
 * (single-user: the server-wide token serves callers without a sign-in;
 * multi-user: it does not, see server-mode.ts); POST saves the token or base URL
 * the user typed on the settings page — never a token in multi-user mode. Only
 * masked display strings ever leave the server, and nothing here logs a
 * request body: it may hold the token.
 */
import { serverWideTokenFromEnv } from '../mcp/http/caller';
import { readJsonBody } from '../http/json-body';
import { checkOrigin, isOwnOrigin, isOwnPageRequest, originPolicyFromEnv, type OriginPolicy } from '../http/origin';
import { publicOrigin } from '../http/public-origin';
import { ConfigError, errnoCode } from './errors';
import { withDefaults, type ConfigOptions } from './options';
import { checkPatch, platformSettingsPath, savePlatformSettings } from './platform-settings';
import { redactServerPaths } from './redact-paths';
import { describeForDisplay, whereToSetToken, type ConfigReport } from './report';
import { resolveConfig } from './resolve';
import type { SettingsPatch } from './schema';
import { describeServerMode, MULTI_USER_SAVE_REFUSAL, type ServerMode, type ServerModeReport } from './server-mode';
import { tokenDestinationProblem } from './token-destination';
import type { ResolvedConfig } from './types';

/** The GET body when the configuration could be read. */
export interface SettingsReport extends ConfigReport {
  /** A token was found, so `?backend=real` can work. */
  realConfigured: boolean;
  /** The three ways to provide a token, and the exact places checked. */
  whereToSetToken: string;
  /** Single- or multi-user, and whose token a call without a sign-in would use. */
  serverMode: ServerModeReport;
}

/** Broken configuration (e.g. a typo in dojo.config.json) is a result to show, not a crash. */
export type SettingsBody = SettingsReport | { error: string };

export interface SettingsEndpointOptions {
  /** Where to read and write; tests point this at temp directories. */
  config?: ConfigOptions;
  /** Default: from DOJO_ALLOWED_ORIGINS and DOJO_ALLOWED_HOSTS. */
  policy?: OriginPolicy;
  /** Default: from DOJO_SERVER_WIDE_TOKEN in the config's environment, as the MCP endpoint reads it. */
  mode?: ServerMode;
}

/** A token is at most 200 characters; anything much bigger is not a settings form. */
export const MAX_SETTINGS_BODY_BYTES = 10 * 1024;

export async function handleSettingsGet(request: Request, options: SettingsEndpointOptions = {}): Promise<Response> {
  try {
    return await reportSettings(request, options);
  } catch (error) {
    console.error('GET /api/settings failed:', error);
    return json(500, { error: 'The settings could not be read: an unexpected error on the server (its log has the details).' });
  }
}

async function reportSettings(request: Request, options: SettingsEndpointOptions): Promise<Response> {
  const policy = options.policy ?? originPolicyFromEnv();
  const refusal = checkOrigin(request, policy);
  if (refusal) return json(403, { error: `Forbidden: ${refusal}.` });
  const body = await readSettingsBody(options.config, modeOf(options));
  // Absolute paths say who runs the server and where: only this app's own pages see them.
  return json(200, isOwnPageRequest(request, policy) ? body : redactServerPaths(body, withDefaults(options.config)));
}

export async function handleSettingsPost(request: Request, options: SettingsEndpointOptions = {}): Promise<Response> {
  try {
    return await saveSettings(request, options);
  } catch (error) {
    // Not the error's message: it is not written for the page, and may name server internals.
    console.error('POST /api/settings failed:', error);
    return json(500, { error: 'The settings could not be saved: an unexpected error on the server (its log has the details).' });
  }
}

async function saveSettings(request: Request, options: SettingsEndpointOptions): Promise<Response> {
  const refusal = refuseCrossSite(request, options.policy ?? originPolicyFromEnv());
  if (refusal) return json(403, { error: `Forbidden: ${refusal}.` });

  // Capped before it is parsed; neither refusal quotes the body, which may be the token.
  const body = await readJsonBody(request, MAX_SETTINGS_BODY_BYTES, 'a settings change');
  if ('refusal' in body) return body.refusal;
  let patch: SettingsPatch;
  try {
    patch = checkPatch(body.value, platformSettingsPath(withDefaults(options.config)));
  } catch (error) {
    if (error instanceof ConfigError) return json(400, { error: error.message });
    throw error;
  }
  // A saved token would be used for every caller without a sign-in: exactly what multi-user mode rules out.
  // Removing one (null) stays allowed, so a token saved before the switch can be cleaned up.
  if (modeOf(options) === 'multi-user' && typeof patch.todoistApiToken === 'string') return json(403, { error: MULTI_USER_SAVE_REFUSAL });
  const redirect = typeof patch.todoistApiBaseUrl === 'string' ? await baseUrlSaveRefusal(options.config) : undefined;
  if (redirect) return json(400, { error: redirect });

  try {
    await savePlatformSettings(patch, options.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // ConfigError messages never quote the token, so they are safe to show.
    // A system error underneath (EACCES, ENOSPC, ...) is the server's fault, not the request's.
    return json(errnoCode(error.cause) ? 500 : 400, { error: error.message });
  }
  return json(200, await readSettingsBody(options.config, modeOf(options)));
}

/** What GET returns: masked values and their sources, or the configuration error to show. */
export async function readSettingsBody(options: ConfigOptions | undefined, mode: ServerMode): Promise<SettingsBody> {
  try {
    const resolved = await resolveConfig(options);
    return {
      ...describeForDisplay(resolved),
      realConfigured: resolved.todoistApiToken !== undefined,
      whereToSetToken: whereToSetToken(resolved),
      serverMode: describeServerMode(mode, resolved.keys.todoistApiToken),
    };
  } catch (error) {
    if (error instanceof ConfigError) return { error: error.message };
    throw error;
  }
}

/**
 * Saving must come from our own settings page. Otherwise any web page the user
 * visits could post a token of the attacker's choosing ("token planting"), and
 * the user's real backend would then read and write the attacker's Todoist.
 * Returns why the request is refused, or `undefined` when it may proceed.
 */
export function refuseCrossSite(request: Request, policy: OriginPolicy): string | undefined {
  // Host (against DNS rebinding) and, when sent, Origin against the allowed list.
  const refusal = checkOrigin(request, policy);
  if (refusal) return refusal;

  // Browsers send Origin on every POST; a request without one did not come from our page.
  const origin = request.headers.get('origin');
  if (!origin) return 'saving settings needs an Origin header; use the settings page';
  // An allowed origin is not enough: the MCP Inspector's (DOJO_ALLOWED_ORIGINS) may call the MCP endpoint, but is not us.
  if (!isOwnOrigin(origin, request, policy)) return `Origin "${origin}" is not this site (${publicOrigin(request, {})})`;

  // A cross-site <form> can only send form or text types; JSON needs a CORS preflight, which we never grant.
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return 'settings must be sent as Content-Type: application/json';
  return undefined;
}

/** The same switch the MCP endpoint reads, from the same environment, so the page cannot disagree with it. */
function modeOf(options: SettingsEndpointOptions): ServerMode {
  if (options.mode) return options.mode;
  return serverWideTokenFromEnv(options.config?.env ?? process.env) ? 'single-user' : 'multi-user';
}

/**
 * A base URL saved here must not become where a token from a stronger source
 * (the environment, a config file) is sent: refused before it is written,
 * rather than reported as a broken configuration after.
 */
async function baseUrlSaveRefusal(config: ConfigOptions | undefined): Promise<string | undefined> {
  let current: ResolvedConfig;
  try {
    current = await resolveConfig(config);
  } catch {
    return undefined; // already broken: the report after the save shows why
  }
  const set = current.keys.todoistApiBaseUrl;
  const savedHere = { source: 'platform-settings', origin: platformSettingsPath(withDefaults(config)) } as const;
  // A base URL from the environment or a config file would still win; the one saved here would only be shadowed.
  const winner = set.source === 'environment' || set.source === 'config-file' ? set : savedHere;
  const refusal = tokenDestinationProblem(current.keys.todoistApiToken, winner);
  return refusal && `Cannot save the base URL on this page. ${refusal.problem} ${refusal.fix}`;
}

function json(status: number, body: unknown): Response {
  // no-store: a settings page must never show a cached, out-of-date source.
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
