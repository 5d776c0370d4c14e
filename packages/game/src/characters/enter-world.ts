import type { Role, SimTicket } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { signSimTicket } from '../session/ticket';
import { getOwnedCharacter } from './get-owned-character';

export interface EnterWorldInput {
  userId: string;
  /** the session's role; the sim uses it for staff commands */
  role: Role;
  characterId: string;
}

const mustRestoreFirst = () =>
  new DomainError(
    'INVALID_STATE',
    'character is deleted',
    'Restore this character before playing it',
  );

/** Mints the short-lived ticket the browser presents to the sim for one of its own live characters. */
export async function enterWorld(deps: GameDeps, input: EnterWorldInput): Promise<SimTicket> {
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
    { userId: input.userId, characterId: c.id, role: input.role },
    nowMs,
  );
  return { ticket, simUrl: deps.config.simPublicUrl, expiresAt };
}
