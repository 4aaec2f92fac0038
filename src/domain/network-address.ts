import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless private receivers are allowed: unspecified, loopback,
 * private, shared (CGNAT), link-local (cloud metadata services live at 169.254.169.254 and
 * fd00:ec2::254), benchmarking, documentation, multicast and reserved ranges, and IPv4 addresses
 * wrapped in IPv6 (compatible, mapped, NAT64 local use, 6to4), which could hide any of those.
 */
const blockedV4 = new BlockList();
// Separate lists: a list holding ::ffff:0:0/96 also matches every IPv4 address it checks.
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blockedV4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blockedV6.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address (v4 or v6, as text) is a public unicast address. Not an IP address: false. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !blockedV4.check(address, 'ipv4') : !blockedV6.check(address, 'ipv6');
}
