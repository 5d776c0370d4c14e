/**
 * What a party looks like to its members, and what a change to it means for their
 * sockets: the members of the moment in the party's room and told party:update,
 * those who left (or were kicked, or whose party is gone) out of it and told "none".
 */
import { emitTo, type PartyViewMsg, type Push } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';

export type PartyView = PartyViewMsg;

/** The id of the character's party, or null when it is in none. */
export async function partyIdOf(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<string | null> {
  const m = await deps.db.partyMember.findUnique({
    where: { characterId },
    select: { partyId: true },
  });
  return m?.partyId ?? null;
}

export async function partyOf(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<PartyView | null> {
  const m = await deps.db.partyMember.findUnique({
    where: { characterId },
    include: {
      party: {
        include: {
          members: { include: { character: true }, orderBy: { joinedAt: 'asc' } },
        },
      },
    },
  });
  if (!m) return null;
  return {
    id: m.party.id,
    leaderId: m.party.leaderId,
    lootMode: closedSet.Party.lootMode.parse(m.party.lootMode),
    lootThreshold: closedSet.Party.lootThreshold.parse(m.party.lootThreshold),
    members: m.party.members.map((x) => ({
      id: x.character.id,
      name: x.character.name,
      level: x.character.level,
      class: x.character.class,
      zoneId: x.character.zoneId,
    })),
  };
}

/**
 * The pushes after a change to a party: `gone` leave its room and get "no party";
 * the party as `memberId` now sees it (when it still has them) is joined by every
 * member's sockets and pushed to its room.
 */
export async function partyPushes(
  deps: Pick<GameDeps, 'db'>,
  partyId: string,
  o: { memberId?: string | undefined; gone?: readonly string[] },
): Promise<{ party: PartyView | null; pushes: Push[] }> {
  const pushes: Push[] = [];
  const gone = o.gone ?? [];
  if (gone.length > 0)
    pushes.push(
      { kind: 'leave', characters: gone, room: { party: partyId } },
      emitTo({ characters: gone }, 'party:update', { party: null }),
    );
  const party = o.memberId ? await partyOf(deps, o.memberId) : null;
  if (party)
    pushes.push(
      { kind: 'join', characters: party.members.map((m) => m.id), room: { party: party.id } },
      emitTo({ party: party.id }, 'party:update', { party }),
    );
  return { party, pushes };
}
