/**
 * Signed requests between our own servers (the sim asks the web to revalidate public
 * pages, docs/leaderboards.md): an HMAC-SHA256 over `<timestamp>.<body>` with a key
 * derived from SIM_TICKET_SECRET — a secret the web and the sim already share — by
 * HKDF with a label of its own, so a signature made for this never passes for a sim
 * ticket or the reverse. A timestamp older (or further ahead) than the replay window
 * is refused; within it, a replayed request only revalidates the same pages again.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const INTERNAL_TIMESTAMP_HEADER = 'x-necp-timestamp';
export const INTERNAL_SIGNATURE_HEADER = 'x-necp-signature';
/** How old (or how far ahead, clocks differ) a signed request may be. */
export const INTERNAL_REPLAY_WINDOW_MS = 60_000;

/** The HMAC key of internal requests, derived from SIM_TICKET_SECRET. */
export function internalRequestKey(simTicketSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', simTicketSecret, 'necp', 'internal request v1', 32));
}

const mac = (key: Buffer, timestamp: string, body: string) =>
  createHmac('sha256', key).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/** The headers that sign `body`, sent at `nowMs`. */
export function signInternalRequest(
  key: Buffer,
  body: string,
  nowMs: number,
): Record<string, string> {
  const timestamp = String(Math.floor(nowMs));
  return {
    [INTERNAL_TIMESTAMP_HEADER]: timestamp,
    [INTERNAL_SIGNATURE_HEADER]: mac(key, timestamp, body),
  };
}

export type InternalSignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

const TIMESTAMP = /^[0-9]{1,16}$/;
const HEX_MAC = /^[0-9a-f]{64}$/;

/** Whether `body` was signed with `key` within the replay window of `nowMs`. */
export function verifyInternalRequest(
  key: Buffer,
  body: string,
  headers: { timestamp: string | null; signature: string | null },
  nowMs: number,
): InternalSignatureCheck {
  const { timestamp, signature } = headers;
  if (timestamp === null || signature === null) return { ok: false, reason: 'missing' };
  if (!TIMESTAMP.test(timestamp) || !HEX_MAC.test(signature))
    return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs - Number(timestamp)) > INTERNAL_REPLAY_WINDOW_MS)
    return { ok: false, reason: 'stale' };
  const expected = Buffer.from(mac(key, timestamp, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
