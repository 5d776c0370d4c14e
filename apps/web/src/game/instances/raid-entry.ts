/**
 * Entering a raid (docs/instances.md, "Raid entry"): its sim admits a member only
 * with the group's short-lived quantum_sync_token. The ticket says when the
 * character is in a raid (`raid`), and then — on every enter, so every reconnect
 * has a fresh, unused one — the token is fetched and rides along in the handshake.
 */
import type { SimTicket } from '@necp/shared';

/** A ticket as the socket presents it: plus the raid token when the character is in a raid. */
export type EntryTicket = SimTicket & { quantumSyncToken?: string };

/**
 * `enter` with the raid token added when the ticket asks for it. A token that cannot
 * be had (the raid just closed, the network) leaves the ticket as it is: the sim
 * then says why it refuses (a missing token: UNAUTHENTICATED, retried once with a
 * fresh ticket and token, then shown), so a failure can never loop.
 */
export function withRaidToken(
  enter: () => Promise<SimTicket>,
  syncToken: () => Promise<{ token: string }>,
): () => Promise<EntryTicket> {
  return async () => {
    const ticket = await enter();
    if (!ticket.raid) return ticket;
    try {
      return { ...ticket, quantumSyncToken: (await syncToken()).token };
    } catch {
      return ticket;
    }
  };
}

/** The socket's handshake auth for a ticket. */
export const handshakeAuth = (t: EntryTicket): { ticket: string; quantumSyncToken?: string } =>
  t.quantumSyncToken
    ? { ticket: t.ticket, quantumSyncToken: t.quantumSyncToken }
    : { ticket: t.ticket };
