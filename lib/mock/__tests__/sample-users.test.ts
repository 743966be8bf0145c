/** The sample people, the scope rules and the redirect rules the stand-in's OAuth stands on. */
import { describe, expect, it } from 'vitest';
import { sharedDataset } from '../shared-dataset';
import { SAMPLE_USERS, findSampleUser } from '../sample-users';
import { isAllowedRedirectUri, isStandinAppCredential, standinOAuthApp } from '../standin-oauth-app';
import { grantsAllow, parseTodoistScopes } from '../standin-oauth-scopes';

describe('sample users', () => {
  it('are a dozen people with ids, names, emails and seeds of their own, outside the mock’s seeds', () => {
    expect(SAMPLE_USERS.length).toBeGreaterThanOrEqual(12);
    for (const field of ['id', 'name', 'email', 'seed'] as const) {
      expect(new Set(SAMPLE_USERS.map((user) => user[field])).size).toBe(SAMPLE_USERS.length);
    }
    for (const user of SAMPLE_USERS) {
      expect(user.id).toMatch(/^[a-z]+$/);
      expect(user.seed).toBeGreaterThan(99);
    }
    expect(findSampleUser('alice')?.name).toBe('Alice Example');
    expect(findSampleUser('nobody')).toBeUndefined();
  });

  it("each hold a dataset whose task ids no other sample user's or mock workspace's share", () => {
    const today = '2026-01-15';
    const idsOf = (seed: number) => sharedDataset({ size: 'small', seed, today }).tasks.map((task) => task.id);
    const seen = new Set(idsOf(1));
    for (const user of SAMPLE_USERS.slice(0, 4)) {
      const ids = idsOf(user.seed);
      expect(ids.filter((id) => seen.has(id))).toEqual([]);
      for (const id of ids) seen.add(id);
    }
  });
});

describe('the app registration', () => {
  const secret = Buffer.from('registration-secret');

  it('derives the client secret from the server secret and checks it', () => {
    const app = standinOAuthApp(secret);
    expect(app.clientId).toBe('mcp-dojo');
    expect(app.clientSecret).toBe(standinOAuthApp(secret).clientSecret);
    expect(app.clientSecret).not.toBe(standinOAuthApp(Buffer.from('other')).clientSecret);
    expect(isStandinAppCredential('mcp-dojo', app.clientSecret, secret)).toBe(true);
    expect(isStandinAppCredential('mcp-dojo', `${app.clientSecret}x`, secret)).toBe(false);
    expect(isStandinAppCredential('other', app.clientSecret, secret)).toBe(false);
  });

  it('sends codes only to /oauth/callback on loopback or on the app’s own origin', () => {
    const app = 'https://dojo.example';
    for (const allowed of [
      'http://localhost:3000/oauth/callback',
      'http://127.0.0.1:41234/oauth/callback',
      'http://[::1]:3000/oauth/callback',
      'https://dojo.example/oauth/callback',
    ]) {
      expect(isAllowedRedirectUri(allowed, app), allowed).toBe(true);
    }
    for (const refused of [
      'https://evil.example/oauth/callback',
      'https://dojo.example.evil.example/oauth/callback',
      'https://dojo.example/oauth/callback/',
      'https://dojo.example/oauth/callback?x=1',
      'https://dojo.example/oauth/callback#x',
      'http://dojo.example/oauth/callback',
      'http://user@localhost:3000/oauth/callback',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedRedirectUri(refused, app), refused).toBe(false);
    }
  });
});

describe('Todoist scopes', () => {
  it('parse comma- or space-separated, and refuse unknown or empty lists', () => {
    expect(parseTodoistScopes('data:read,task:add')).toEqual(['data:read', 'task:add']);
    expect(parseTodoistScopes('data:read data:read')).toEqual(['data:read']);
    expect(parseTodoistScopes('data:read,admin')).toBeUndefined();
    expect(parseTodoistScopes('')).toBeUndefined();
    expect(parseTodoistScopes(null)).toBeUndefined();
  });

  it('allow reads with data:read, writes with data:read_write, deletes with the delete scopes', () => {
    expect(grantsAllow(['data:read'], 'GET', '/api/v1/tasks')).toBe(true);
    expect(grantsAllow(['data:read'], 'POST', '/api/v1/tasks')).toBe(false);
    expect(grantsAllow(['data:read_write'], 'POST', '/api/v1/tasks/123/close')).toBe(true);
    expect(grantsAllow(['task:add'], 'POST', '/api/v1/tasks')).toBe(true);
    expect(grantsAllow(['task:add'], 'POST', '/api/v1/tasks/123')).toBe(false);
    expect(grantsAllow(['data:read_write'], 'DELETE', '/api/v1/tasks/123')).toBe(false);
    expect(grantsAllow(['data:delete'], 'DELETE', '/api/v1/tasks/123')).toBe(true);
    expect(grantsAllow(['project:delete'], 'DELETE', '/api/v1/projects/123')).toBe(true);
  });
});
