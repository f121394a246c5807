/**
 * Resolve a URL's host to the addresses the fetcher may connect to, applying the address rules.
 * The caller connects to exactly the address returned here (pinned), so a DNS answer that changes
 * between this check and the connection (DNS rebinding) cannot move the request elsewhere.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { FetchError } from './errors';
import type { ResolvedAddress } from './options';

/** Decides whether an address may be reached; returns the refusal reason, or undefined to allow. */
export type AddressPolicy = (address: string) => string | undefined;

export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;

/** The default resolver: every A/AAAA answer, in the resolver's order. */
export const systemLookup: Lookup = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** The host of a URL without IPv6 brackets ("[::1]" -> "::1"). */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * The address to connect to for `url`. Refuses when the host is an IP literal the policy refuses,
 * or when **any** DNS answer is refused (a host that mixes public and private answers is treated as
 * hostile: it is a classic rebinding set-up).
 */
export async function resolveCheckedAddress(
  url: URL,
  lookup: Lookup,
  policy: AddressPolicy,
): Promise<ResolvedAddress> {
  const host = bareHostname(url);
  const shown = url.href;
  if (ipaddr.isValid(host)) {
    const reason = policy(host);
    if (reason) {
      throw new FetchError('FETCH_BLOCKED_ADDRESS', shown, `Refused to fetch ${shown}: ${host} is ${reason}.${PRIVATE_HINT}`, { address: host });
    }
    return { address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 };
  }
  let answers: Array<{ address: string; family: 4 | 6 }>;
  try {
    answers = await lookup(host);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOTFOUND' ? 'no such host' : code ? `DNS error ${code}` : String((err as Error).message ?? err);
    throw new FetchError('FETCH_DNS', shown, `Could not resolve ${host} for ${shown}: ${why}.`, { cause: err });
  }
  if (answers.length === 0) throw new FetchError('FETCH_DNS', shown, `Could not resolve ${host} for ${shown}: no addresses.`);
  for (const answer of answers) {
    const reason = policy(answer.address);
    if (reason) {
      throw new FetchError(
        'FETCH_BLOCKED_ADDRESS',
        shown,
        `Refused to fetch ${shown}: ${host} resolves to ${answer.address}, ${reason}.${PRIVATE_HINT}`,
        { address: answer.address },
      );
    }
  }
  return answers[0]!;
}

const PRIVATE_HINT = ' Private and internal addresses are only reachable when ALLOW_PRIVATE_URLS=true.';
