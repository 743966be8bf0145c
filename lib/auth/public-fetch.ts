/**
 * The fetch the authorization server uses for Client ID Metadata Documents:
 * the URL is a stranger's choice, so it may only reach the public internet.
 * A client id of `https://10.0.0.5/…`, `https://localhost/…` or a name that
 * resolves to a private address would otherwise let anyone make this server
 * knock on doors inside its own network (server-side request forgery).
 *
 * The check runs on the addresses the name resolves to now; a name that
 * changes its answer between this lookup and the connection (DNS rebinding)
 * is not caught here — a network egress policy is the layer for that.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type Lookup = (hostname: string) => Promise<{ address: string }[]>;

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is refused whatever it maps to: no real client needs it. (Not as a BlockList
  // subnet: Node matches IPv4 addresses against a mapped-range rule too, which would refuse every IPv4 address.)
  if (family === 6 && /^::ffff:/i.test(address)) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function publicOnlyFetch(lookup: Lookup = (hostname) => dnsLookup(hostname, { all: true }), fetchFn: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [{ address: host }] : await lookup(host);
    // The caller reports any failure as "could not be fetched", the same words for every reason: no scanner's oracle.
    if (addresses.length === 0 || !addresses.every(({ address }) => isPublicAddress(address))) {
      throw new Error(`${url.hostname} is not a public address`);
    }
    return fetchFn(input, init);
  };
}
