/**
 * Which IP addresses the fetcher may connect to. Pure rules over ipaddr.js's range classification,
 * deliberately an allowlist: an address is fetchable only when it is ordinary global unicast, so a
 * range we forgot to name is refused, not reached.
 */
import ipaddr from 'ipaddr.js';

/** Why an IPv4 range is refused, keyed by ipaddr.js's range name. Anything but 'unicast' is refused. */
const IPV4_RANGE_REASONS: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address (0.0.0.0/8 means "this host")',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16, where cloud metadata services live)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10, a provider-internal network)',
  private: 'a private network address (RFC 1918)',
  reserved: 'a reserved or documentation address',
  as112: 'an AS112 sink address',
  amt: 'an AMT relay anycast address',
};

/** Why an IPv6 range is refused. Embedded-IPv4 forms are judged by the IPv4 address they carry. */
const IPV6_RANGE_REASONS: Readonly<Record<string, string>> = {
  unspecified: 'the unspecified address (::)',
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address (ff00::/8)',
  loopback: 'the loopback address (::1)',
  uniqueLocal: 'a unique-local (private) address (fc00::/7, incl. the AWS metadata address fd00:ec2::254)',
  deprecatedSiteLocal: 'a site-local (private) address (fec0::/10)',
  discard: 'a discard-only address (100::/64)',
  teredo: 'a Teredo tunnel address (it hides the IPv4 endpoint)',
  benchmarking: 'a benchmarking address',
  amt: 'an AMT address',
  as112v6: 'an AS112 sink address',
  deprecatedOrchid: 'an ORCHID address',
  orchid2: 'an ORCHIDv2 address',
  droneRemoteIdProtocolEntityTags: 'a DRIP entity tag address',
  segmentRouting: 'a segment-routing address',
  reserved: 'a reserved or documentation address',
};

/** The well-known NAT64 prefix 64:ff9b::/96 carries a public IPv4 address in its low 32 bits (RFC 6052). */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * The reason an address must not be fetched, or undefined when it is an ordinary public address.
 * Accepts IPv4, IPv6 (with or without brackets or a zone id). Unparseable input is refused.
 */
export function blockedAddressReason(address: string): string | undefined {
  const raw = address.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(raw)) return 'not a valid IP address';
  const parsed = ipaddr.parse(raw);
  if (parsed.kind() === 'ipv4') return ipv4Reason(parsed as ipaddr.IPv4);
  return ipv6Reason(parsed as ipaddr.IPv6);
}

/** True when the fetcher must refuse to connect to this address (see `blockedAddressReason`). */
export function isBlockedAddress(address: string): boolean {
  return blockedAddressReason(address) !== undefined;
}

function ipv4Reason(ip: ipaddr.IPv4): string | undefined {
  const range = ip.range();
  if (range === 'unicast') return undefined;
  return IPV4_RANGE_REASONS[range] ?? `a special-purpose address (${range})`;
}

function ipv6Reason(ip: ipaddr.IPv6): string | undefined {
  const embedded = embeddedIPv4(ip);
  if (embedded) {
    const inner = ipv4Reason(embedded.address);
    return inner === undefined ? undefined : `${embedded.form} of ${embedded.address.toString()}, ${inner}`;
  }
  const range = ip.range();
  if (range !== 'unicast') return IPV6_RANGE_REASONS[range] ?? `a special-purpose IPv6 address (${range})`;
  // Only 2000::/3 is allocated as global unicast; everything else outside the named ranges is reserved.
  if ((ip.parts[0]! & 0xe000) !== 0x2000) return 'a reserved IPv6 address (outside global unicast 2000::/3)';
  return undefined;
}

/** IPv6 forms that carry an IPv4 address a packet may end up at. */
function embeddedIPv4(ip: ipaddr.IPv6): { form: string; address: ipaddr.IPv4 } | undefined {
  const p = ip.parts;
  const low32 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = ip.range();
  if (range === 'ipv4Mapped') return { form: 'an IPv4-mapped address', address: ip.toIPv4Address() };
  if (range === 'rfc6145') return { form: 'an IPv4-translated address', address: low32(p[6]!, p[7]!) };
  if (ip.match(NAT64_WELL_KNOWN)) return { form: 'a NAT64 address', address: low32(p[6]!, p[7]!) };
  if (range === '6to4') return { form: 'a 6to4 address', address: low32(p[1]!, p[2]!) };
  // IPv4-compatible ::a.b.c.d (deprecated, RFC 4291) - but not :: and ::1, which have their own ranges.
  if (p.slice(0, 6).every((x) => x === 0) && range !== 'unspecified' && range !== 'loopback') {
    return { form: 'an IPv4-compatible address', address: low32(p[6]!, p[7]!) };
  }
  return undefined;
}
