import { describe, expect, it, vi } from 'vitest';
import { isPublicAddress, publicOnlyFetch, type Lookup } from '../public-fetch';

describe('isPublicAddress', () => {
  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    'not an address',
  ])('%s is not', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('publicOnlyFetch', () => {
  const ok = () => vi.fn(async () => new Response('{}'));
  const resolvesTo =
    (...addresses: string[]): Lookup =>
    async () =>
      addresses.map((address) => ({ address }));

  it('fetches a name that resolves to public addresses only', async () => {
    const fetchFn = ok();
    await publicOnlyFetch(resolvesTo('93.184.215.14'), fetchFn)('https://client.example/doc.json');
    expect(fetchFn).toHaveBeenCalledOnce();
  });

  it('refuses, before any request, a name with one private address among public ones', async () => {
    const fetchFn = ok();
    await expect(publicOnlyFetch(resolvesTo('93.184.215.14', '10.0.0.5'), fetchFn)('https://client.example/doc.json')).rejects.toThrow(
      'client.example is not a public address',
    );
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('refuses IP literals inside the network without looking anything up', async () => {
    const lookup = vi.fn(resolvesTo('93.184.215.14'));
    for (const url of ['https://127.0.0.1/c.json', 'https://[::1]/c.json', 'https://169.254.169.254/latest/meta-data']) {
      await expect(publicOnlyFetch(lookup, ok())(url)).rejects.toThrow(/is not a public address/);
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a name that resolves to nothing', async () => {
    await expect(publicOnlyFetch(resolvesTo(), ok())('https://client.example/doc.json')).rejects.toThrow(/not a public address/);
  });
});
