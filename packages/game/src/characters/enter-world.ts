import { parseInstanceZoneId, type SimTicket } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { currentAccess } from '../accounts/current-access';
import { signSimTicket } from '../session/ticket';
import { simUrlForZone } from '../cluster/zone-directory';
import { getOwnedCharacter } from './get-owned-character';
import { playZoneOf } from '../instances/play-zone';
import { inTransaction } from '../core/transaction';

export interface EnterWorldInput {
  userId: string;
  characterId: string;
  /** the login session asking: signing it out disconnects the socket this ticket opens */
  sessionId: string;
}

const mustRestoreFirst = () =>
  new DomainError(
    'INVALID_STATE',
    'character is deleted',
    'Restore this character before playing it',
  );

/**
 * Mints the short-lived ticket the browser presents to the sim for one of its own live
 * characters. The role in the ticket is read from the database now, never taken from
 * the (long-lived) login token, so a demoted admin's old cookie mints a player ticket.
 * It carries the account's session version: "sign out everywhere", a password change
 * or a ban between minting and connecting makes the sim refuse it, and it names the
 * login session, so signing out that one session ends its game too. The URL is that
 * of the sim process owning the character's zone (several processes share the zones).
 */
export async function enterWorld(deps: GameDeps, input: EnterWorldInput): Promise<SimTicket> {
  const access = await currentAccess(deps, input.userId);
  if (access.bannedUntil)
    throw new DomainError('FORBIDDEN', 'account banned', 'This account cannot play now');
  const c = await getOwnedCharacter(deps, input.userId, input.characterId, {
    includeDeleted: true,
  });
  if (c.deletedAt) throw mustRestoreFirst();
  // the process that runs the character's instance, else its zone (UNAVAILABLE while nobody does)
  const simUrl = await simUrlForZone(deps, await playZoneOf(deps, c));
  const nowMs = deps.clock.ms();
  await inTransaction(deps.db, async (tx) => {
    const { count } = await tx.character.updateMany({
      where: { id: c.id, deletedAt: null },
      data: { lastPlayedAt: new Date(nowMs) },
    });
    if (count === 0) throw mustRestoreFirst(); // deleted meanwhile
    await tx.authEvent.create({
      data: { userId: input.userId, kind: 'TICKET', detail: `character ${c.id}` },
    });
  });
  const { ticket, expiresAt } = await signSimTicket(
    deps.config.simTicketSecret,
    {
      userId: input.userId,
      characterId: c.id,
      role: access.role,
      sessionVersion: access.sessionVersion,
      sessionId: input.sessionId,
    },
    nowMs,
  );
  // a raid's sim also wants the group's quantum_sync_token (instances/raid-token.ts); told
  // by the row, not the lease: without Redis the one sim settles instances itself
  const raid = c.instanceId ? parseInstanceZoneId(c.instanceId)?.template.kind === 'raid' : false;
  return { ticket, simUrl, expiresAt, ...(raid ? { raid } : {}) };
}
