import type { SimTicket } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { isBanned } from '../accounts/ban-check';
import { signSimTicket } from '../session/ticket';
import { getOwnedCharacter } from './get-owned-character';

export interface EnterWorldInput {
  userId: string;
  characterId: string;
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
 */
export async function enterWorld(deps: GameDeps, input: EnterWorldInput): Promise<SimTicket> {
  const user = await deps.db.user.findUnique({
    where: { id: input.userId },
    select: { role: true, bannedUntil: true },
  });
  if (!user || isBanned(user, deps.clock.ms()))
    throw new DomainError('FORBIDDEN', 'no account or banned', 'This account cannot play now');
  const c = await getOwnedCharacter(deps, input.userId, input.characterId, {
    includeDeleted: true,
  });
  if (c.deletedAt) throw mustRestoreFirst();
  const nowMs = deps.clock.ms();
  await deps.db.$transaction(async (tx) => {
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
    { userId: input.userId, characterId: c.id, role: user.role },
    nowMs,
  );
  return { ticket, simUrl: deps.config.simPublicUrl, expiresAt };
}
