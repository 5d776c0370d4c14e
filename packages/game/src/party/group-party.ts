/**
 * A matched dungeon group plays as one party (docs/instances.md, "The group's party"):
 * strangers matched by the group finder share XP and roll for the chest under the
 * party's loot mode like a premade party does. When the instance opens, the members
 * leave whatever parties they were in (a premade party in the match is all inside it)
 * and form one party — led by the leader of the largest premade party among them, else
 * the first of `leaders` (the tank) — with need/greed loot. A replacement joins it; a
 * member who leaves the dungeon early leaves it. The party outlives the instance, as
 * any party does.
 */
import { PARTY_MAX } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { lockParty, publishPartyJoined, settleParty } from './party';

/** The members' Character rows in id order: party writes for them wait on these. */
async function lockCharacters(tx: Tx, ids: readonly string[]): Promise<void> {
  const sorted = [...ids].sort();
  await tx.$queryRaw`SELECT id FROM "Character" WHERE id = ANY(${sorted}::text[]) ORDER BY id FOR UPDATE`;
}

export interface GroupParty {
  partyId: string;
  /** parties the members left (gone, or settled with who was left in them) */
  former: string[];
  /** false when the members were already exactly one party (nothing changed) */
  formed: boolean;
}

/** One party of the group's members (2 to PARTY_MAX); null when there is no group to make. */
export async function formGroupParty(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { memberIds: readonly string[]; leaders: readonly string[] },
): Promise<GroupParty | null> {
  const ids = [...new Set(input.memberIds)];
  if (ids.length < 2 || ids.length > PARTY_MAX) return null;
  return deps.db.$transaction(async (tx) => {
    await lockCharacters(tx, ids);
    const rows = await tx.partyMember.findMany({
      where: { characterId: { in: ids } },
      select: { characterId: true, partyId: true },
    });
    const parties = [...new Set(rows.map((r) => r.partyId))].sort();
    for (const id of parties) await lockParty(tx, id);
    if (parties.length === 1 && rows.length === ids.length) {
      const size = await tx.partyMember.count({ where: { partyId: parties[0]! } });
      if (size === ids.length) return { partyId: parties[0]!, former: [], formed: false };
    }
    // the leader of the largest premade party in the group, else the first of `leaders`
    const bySize = await tx.party.findMany({
      where: { id: { in: parties } },
      select: { leaderId: true, _count: { select: { members: true } } },
    });
    const premadeLead = bySize
      .filter((p) => ids.includes(p.leaderId) && p._count.members > 1)
      .sort((a, b) => b._count.members - a._count.members)[0]?.leaderId;
    const leaderId = premadeLead ?? input.leaders.find((l) => ids.includes(l)) ?? ids[0]!;

    await tx.partyMember.deleteMany({ where: { characterId: { in: ids } } });
    for (const id of parties) await settleParty(tx, id);
    const party = await tx.party.create({ data: { leaderId, lootMode: 'need_greed' } });
    // the leader first: joinedAt orders the roster and the next leader
    const order = [leaderId, ...ids.filter((id) => id !== leaderId)];
    const base = deps.clock.ms();
    for (const [i, characterId] of order.entries()) {
      await tx.partyMember.create({
        data: { partyId: party.id, characterId, joinedAt: new Date(base + i) },
      });
      await publishPartyJoined(tx, party.id, characterId);
    }
    return { partyId: party.id, former: parties, formed: true };
  });
}

/**
 * A replacement joins the group's party (it queued alone: it is in none, or leaves the
 * one it is in). False when the party is gone or full.
 */
export async function joinGroupParty(
  deps: Pick<GameDeps, 'db'>,
  input: { partyId: string; characterId: string },
): Promise<{ joined: boolean; former: string | null }> {
  return deps.db.$transaction(async (tx) => {
    await lockCharacters(tx, [input.characterId]);
    const mine = await tx.partyMember.findUnique({ where: { characterId: input.characterId } });
    if (mine?.partyId === input.partyId) return { joined: true, former: null };
    const locks = [input.partyId, ...(mine ? [mine.partyId] : [])].sort();
    for (const id of locks) await lockParty(tx, id);
    if (!(await tx.party.findUnique({ where: { id: input.partyId } })))
      return { joined: false, former: null };
    if ((await tx.partyMember.count({ where: { partyId: input.partyId } })) >= PARTY_MAX)
      return { joined: false, former: null };
    if (mine) {
      await tx.partyMember.delete({ where: { characterId: input.characterId } });
      await settleParty(tx, mine.partyId);
    }
    await tx.partyMember.create({
      data: { partyId: input.partyId, characterId: input.characterId },
    });
    await publishPartyJoined(tx, input.partyId, input.characterId);
    return { joined: true, former: mine?.partyId ?? null };
  });
}
