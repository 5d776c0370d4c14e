/**
 * The client's IP for rate limits and audit logs. Only what this process saw or
 * what a configured number of trusted proxies wrote counts (TRUSTED_PROXY_HOPS):
 *  - 0 (default): the TCP peer's address; X-Forwarded-For and X-Real-IP are ignored.
 *  - N: the N-th X-Forwarded-For entry from the right — the address the outermost of
 *    the N proxies saw. Entries further left are the client's own claims. A request
 *    with fewer than N entries did not come through the chain: its TCP peer counts.
 * X-Real-IP is never read.
 */
import { isIP } from 'node:net';
import { getServerEnv } from '../env';
import { isPeerAddressHookInstalled, PEER_ADDRESS_HEADER } from './peer-address';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderBag, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is 1.2.3.4; anything not an IP is 'unknown'. */
export function normalizeIp(raw: string | undefined): string {
  const ip = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') ?? '';
  return isIP(ip) ? ip.toLowerCase() : 'unknown';
}

export interface ClientIpInput {
  /** the TCP peer's address */
  peer: string | undefined;
  /** the X-Forwarded-For header as received (several headers joined by ',') */
  forwardedFor: string | undefined;
  hops: number;
}

/** The hop arithmetic, pure. */
export function resolveClientIp({ peer, forwardedFor, hops }: ClientIpInput): string {
  if (hops <= 0) return normalizeIp(peer);
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length < hops) return normalizeIp(peer);
  return normalizeIp(entries[entries.length - hops]);
}

let warned = false;

export function clientIp(h: HeaderBag | undefined): string {
  if (!h) return 'unknown';
  if (!isPeerAddressHookInstalled()) {
    // without the hook the peer header could come from the client: trust nothing
    if (!warned) console.error('client-ip: the peer address hook is not installed');
    warned = true;
    return 'unknown';
  }
  return resolveClientIp({
    peer: header(h, PEER_ADDRESS_HEADER),
    forwardedFor: header(h, 'x-forwarded-for'),
    hops: getServerEnv().TRUSTED_PROXY_HOPS,
  });
}
