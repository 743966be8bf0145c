'use client';
/**
 * The settings endpoint through TanStack Query: one cached report, and saves
 * that replace it with the server's answer — masked values only, never the token.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsPatch } from '@/lib/config';
import type { SettingsBody } from '@/lib/config/settings-endpoint';

const ENDPOINT = '/api/settings';
const SETTINGS_QUERY_KEY = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: SETTINGS_QUERY_KEY, queryFn: fetchSettings });
}

/** Each form calls this for its own pending and error state. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (body) => queryClient.setQueryData(SETTINGS_QUERY_KEY, body),
  });
}

async function fetchSettings(): Promise<SettingsBody> {
  return readBody(await fetch(ENDPOINT, { cache: 'no-store' }));
}

async function saveSettings(patch: SettingsPatch): Promise<SettingsBody> {
  // The server refuses saves without a JSON content type and our own Origin (which the browser adds):
  // that is what stops other web pages from planting a token.
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(patch) };
  return readBody(await fetch(ENDPOINT, init));
}

async function readBody(response: Response): Promise<SettingsBody> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(errorIn(body) ?? `The server answered ${response.status} ${response.statusText}.`);
  return body as SettingsBody;
}

function errorIn(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  return typeof body.error === 'string' ? body.error : undefined;
}
