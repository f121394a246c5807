import { describe, expect, it } from 'vitest';
import { blockedAddressReason, isBlockedAddress } from '../../src/fetch';

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback (all of 127/8)'],
    ['::1', 'IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['fd00:ec2::254', 'AWS IPv6 metadata (unique-local)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['10.0.0.1', 'RFC 1918'],
    ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.255', 'RFC 1918 upper edge'],
    ['192.168.1.1', 'RFC 1918'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['fd00::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with zone id'],
    ['ff02::1', 'IPv6 multicast'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2002:a00:1::', '6to4 of 10.0.0.1'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::ffff:0:a00:1', 'IPv4-translated 10.0.0.1'],
    ['2001:0::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['192.0.2.1', 'documentation (TEST-NET-1)'],
    ['198.18.0.1', 'benchmarking'],
    ['240.0.0.1', 'reserved class E'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['not-an-ip', 'unparseable'],
  ])('GIVEN %s (%s) THEN it is refused', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['93.184.216.34'],
    ['172.32.0.1'], // just outside 172.16/12
    ['100.128.0.1'], // just outside 100.64/10
    ['2606:4700::1111'],
    ['2a00:1450:4001:80b::200e'],
    ['::ffff:8.8.8.8'], // mapped form of a public address
    ['64:ff9b::808:808'], // NAT64 of 8.8.8.8: how IPv6-only networks reach IPv4 sites
    ['2002:808:808::1'], // 6to4 of 8.8.8.8
  ])('GIVEN public %s THEN it is allowed', (address) => {
    expect(blockedAddressReason(address)).toBeUndefined();
  });

  it('names the reason, including the IPv4 inside an IPv6 form', () => {
    expect(blockedAddressReason('169.254.169.254')).toBe('a link-local address (169.254.0.0/16, where cloud metadata services live)');
    expect(blockedAddressReason('::ffff:127.0.0.1')).toBe('an IPv4-mapped address of 127.0.0.1, a loopback address (this machine)');
    expect(blockedAddressReason('64:ff9b::7f00:1')).toBe('a NAT64 address of 127.0.0.1, a loopback address (this machine)');
  });
});
