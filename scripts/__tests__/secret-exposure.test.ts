/** The token-exposure scanner can fail: a planted secret, in any encoding, is found and named by kind only. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authKeysFrom } from '@/lib/auth/keys';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import { findSecrets, findSecretsInFile, secretsOf } from '../secret-exposure';

const SECRET = 'a-test-secret-for-the-exposure-scanner';
const TOKEN = 'configured-todoist-token';
const needles = secretsOf(SECRET, TOKEN, {});
const keys = authKeysFrom(Buffer.from(SECRET), {});

describe('secret exposure scanner', () => {
  it('finds the signing and vault keys in hex, base64 and base64url', () => {
    const signing = Buffer.from(keys.signing);
    expect(findSecrets(`key=${signing.toString('hex')}`, needles)).toEqual(['the access-token signing key (hex)']);
    expect(findSecrets(`"${signing.toString('base64')}"`, needles)).toEqual(['the access-token signing key (base64)']);
    expect(findSecrets(`vault ${keys.vault.toString('base64url')}`, needles)).toContain('the vault key (base64url)');
    expect(findSecrets(keys.vault.toString('hex').toUpperCase(), needles)).toEqual(['the vault key (hex)']);
  });

  it('finds the server secret, the configured token and the stand-in client secret', () => {
    expect(findSecrets(`error: ${SECRET}`, needles)).toEqual(['the server secret (DOJO_SECRET)']);
    expect(findSecrets(`Authorization: Bearer ${TOKEN}`, needles)).toEqual(['the configured Todoist token (TODOIST_API_TOKEN)']);
    const clientSecret = standinOAuthApp(Buffer.from(SECRET)).clientSecret;
    expect(findSecrets(`client_secret=${clientSecret}`, needles)).toEqual(["the stand-in OAuth app's client secret"]);
  });

  it('finds either stand-in Todoist token by its shape, whoever issued it', () => {
    expect(findSecrets(`{"access_token":"standin_oauth_${'0f'.repeat(20)}"}`, needles)).toEqual(['a Todoist token (stand-in OAuth, standin_oauth_…)']);
    const signed = `standin.${Buffer.from('learner-abc/real').toString('base64url')}.${'A'.repeat(43)}`;
    expect(findSecrets(`Bearer ${signed}`, needles)).toEqual(['a Todoist token (built-in stand-in, standin.<account>.<signature>)']);
  });

  it('passes what only looks alike: file names, the prefix alone, our own access tokens', () => {
    const text = 'lib/mock/standin.test.ts standin.ts standin_oauth_ is the prefix; eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig';
    expect(findSecrets(text, needles)).toEqual([]);
  });

  it('scans a file and reports kinds, never the value', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exposure-'));
    const file = path.join(dir, 'app.log');
    writeFileSync(file, `GET /api/mcp 200\nupstream said: token ${TOKEN} refused\n`);
    const { kinds, bytes } = findSecretsInFile(file, needles);
    expect(kinds).toEqual(['the configured Todoist token (TODOIST_API_TOKEN)']);
    expect(bytes).toBeGreaterThan(0);
    expect(kinds.join(' ')).not.toContain(TOKEN);
  });
});
