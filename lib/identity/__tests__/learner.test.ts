import { describe, expect, it } from 'vitest';
import { issueLearnerId, learnerFromRequest, verifyLearnerId } from '../learner';

const secret = Buffer.from('test-secret');
const other = Buffer.from('another-servers-secret');

describe('learner ids', () => {
  it('verifies an id this server issued, as a tenant keyed by its random part', () => {
    const id = issueLearnerId(secret);
    const tenant = verifyLearnerId(id, secret);
    expect(tenant).toEqual({ key: `learner-${id.split('.')[0]}`, kind: 'learner', learnerId: id });
  });

  it('refuses ids it did not sign: another secret, a changed random part, a made-up one', () => {
    const id = issueLearnerId(secret);
    const [random, signature] = id.split('.') as [string, string];
    expect(verifyLearnerId(id, other)).toBeUndefined();
    expect(verifyLearnerId(`${random.slice(0, -1)}${random.endsWith('A') ? 'B' : 'A'}.${signature}`, secret)).toBeUndefined();
    expect(verifyLearnerId('alice', secret)).toBeUndefined();
    expect(verifyLearnerId(`${random}.${signature}.extra`, secret)).toBeUndefined();
    expect(verifyLearnerId('', secret)).toBeUndefined();
  });

  it('issues a different id each time', () => {
    expect(issueLearnerId(secret)).not.toBe(issueLearnerId(secret));
  });

  it('reads the id from the endpoint URL or the cookie, never from another header', () => {
    const id = issueLearnerId(secret);
    const key = verifyLearnerId(id, secret)!.key;
    expect(learnerFromRequest(new Request(`http://localhost/api/mcp?learner=${id}`), secret)?.key).toBe(key);
    expect(learnerFromRequest(new Request('http://localhost/api/mcp', { headers: { cookie: `a=1; dojo-learner=${id}` } }), secret)?.key).toBe(key);
    expect(learnerFromRequest(new Request('http://localhost/api/mcp', { headers: { 'x-learner': id } }), secret)).toBeUndefined();
  });
});
