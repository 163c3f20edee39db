import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

/**
 * Addresses a webhook may not reach unless private receivers are allowed: loopback, private
 * networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and the
 * reserved ranges. A write-token holder could otherwise point a webhook at an internal service
 * and read its status codes in the delivery log.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, 'ipv4');
  if (family !== 6) return false;
  // An IPv4-mapped IPv6 address reaches the IPv4 one.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? PRIVATE.check(mapped[1]!, 'ipv4') : PRIVATE.check(bare, 'ipv6');
}

export class PrivateAddressError extends Error {
  readonly code = 'PRIVATE_ADDRESS';
}

/** Whether a URL's host is, as written, a private address or a name for one. */
export function namesPrivateHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost');
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dispatcher whose connections refuse private addresses, judged on the address each name
 * resolves to when connecting: a name that resolved to a public address when the webhook was
 * made and to an internal one now (DNS rebinding) is refused at the socket, not before it.
 */
export function publicOnlyAgent(): Agent {
  return new Agent({
    connect: {
      lookup: (hostname: string, options: object, callback: LookupCallback) =>
        lookup(hostname, options, (error, address, family) => {
          if (error) return callback(error, '');
          const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
          if (addresses.some(isPrivateAddress))
            return callback(
              new PrivateAddressError(`${hostname} resolves to a private address`),
              '',
            );
          callback(null, address, family);
        }),
    },
  });
}
