/**
 * A matched dungeon group plays as one party (docs/instances.md, "The group's party"):
 * strangers matched by the group finder share XP and roll for the chest under the
 * party's loot mode like a premade party does. When the instance opens, the largest
 * premade party in the group (a party that queued together is all inside it) stays
 * the party it is — its id, its leader — and the others join it, with need/greed
 * loot; without one, the members form a new party led by the first of `leaders` (the
 * tank). A replacement joins it; a member who leaves the dungeon early leaves it —
 * except those who came with a party of their own (`premade`: every member who shared
 * a party with another member of the group, the merged smaller parties' too): their
 * companions are in this party now, and leaving an instance never takes anyone away
 * from the people they came with. The party outlives the instance, as any party does.
 */
import { GroupPartyInputSchema, JoinGroupPartyInputSchema, PARTY_MAX } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockParty, publishPartyJoined, settleParty } from './party';
import { inTransaction } from '../core/transaction';
import { lockCharacters } from '../core/lock-order';

export interface GroupParty {
  partyId: string;
  /** parties the members left (gone, or settled with who was left in them) */
  former: string[];
  /** false when the members were already exactly one party (nothing changed) */
  formed: boolean;
  /** the members who came with a party companion (they queued with one): leaving early keeps them in it */
  premade: string[];
}

/** The members who shared a party with another member of the group before it formed. */
function cameTogether(rows: readonly { characterId: string; partyId: string }[]): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.partyId, (count.get(r.partyId) ?? 0) + 1);
  return rows
    .filter((r) => count.get(r.partyId)! > 1)
    .map((r) => r.characterId)
    .sort();
}

/** One party of the group's members (2 to PARTY_MAX); null when there is no group to make. */
export async function formGroupParty(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  raw: { memberIds: readonly string[]; leaders: readonly string[] },
): Promise<GroupParty | null> {
  const input = parseInput(GroupPartyInputSchema, raw);
  const ids = [...new Set(input.memberIds)];
  if (ids.length < 2 || ids.length > PARTY_MAX) return null;
  return inTransaction(deps.db, async (tx) => {
    // the members' rows (id order): party writes for them wait on these
    await lockCharacters(tx, ids, { includeDeleted: true });
    const rows = await tx.partyMember.findMany({
      where: { characterId: { in: ids } },
      select: { characterId: true, partyId: true },
    });
    const parties = [...new Set(rows.map((r) => r.partyId))].sort();
    for (const id of parties) await lockParty(tx, id);
    if (parties.length === 1 && rows.length === ids.length) {
      const size = await tx.partyMember.count({ where: { partyId: parties[0]! } });
      if (size === ids.length)
        return { partyId: parties[0]!, former: [], formed: false, premade: [...ids].sort() };
    }
    // the largest premade party in the group whose leader is in it stays the party
    const bySize = await tx.party.findMany({
      where: { id: { in: parties } },
      select: { id: true, leaderId: true, _count: { select: { members: true } } },
    });
    const home = bySize
      .filter((p) => ids.includes(p.leaderId) && p._count.members > 1)
      .sort((a, b) => b._count.members - a._count.members || a.id.localeCompare(b.id))[0];
    const homeMembers = home
      ? rows.filter((r) => r.partyId === home.id).map((r) => r.characterId)
      : [];
    const joiners = ids.filter((id) => !homeMembers.includes(id));
    // a home party with members outside the group may have no room: a new party then
    const kept = home && home._count.members + joiners.length <= PARTY_MAX ? home : undefined;
    const leaderId = kept?.leaderId ?? input.leaders.find((l) => ids.includes(l)) ?? ids[0]!;

    const leaving = kept ? joiners : ids;
    await tx.partyMember.deleteMany({ where: { characterId: { in: leaving } } });
    const former = parties.filter((id) => id !== kept?.id);
    for (const id of former) await settleParty(tx, id);
    const partyId = kept
      ? (await tx.party.update({ where: { id: kept.id }, data: { lootMode: 'need_greed' } })).id
      : (await tx.party.create({ data: { leaderId, lootMode: 'need_greed' } })).id;
    // the leader first: joinedAt orders the roster and the next leader
    const order = kept ? joiners : [leaderId, ...ids.filter((id) => id !== leaderId)];
    // newcomers after the members already there (a stranger is never next in line to lead)
    const last = kept
      ? await tx.partyMember.findFirst({ where: { partyId }, orderBy: { joinedAt: 'desc' } })
      : null;
    const base = Math.max(deps.clock.ms(), (last?.joinedAt.getTime() ?? 0) + 1);
    for (const [i, characterId] of order.entries()) {
      const member = await tx.partyMember.create({
        data: { partyId, characterId, joinedAt: new Date(base + i) },
      });
      await publishPartyJoined(tx, member);
    }
    return { partyId, former, formed: true, premade: cameTogether(rows) };
  });
}

/**
 * A replacement joins the group's party (it queued alone: it is in none, or leaves the
 * one it is in). False when the party is gone or full.
 */
export async function joinGroupParty(
  deps: Pick<GameDeps, 'db'>,
  raw: { partyId: string; characterId: string },
): Promise<{ joined: boolean; former: string | null }> {
  const input = parseInput(JoinGroupPartyInputSchema, raw);
  return inTransaction(deps.db, async (tx) => {
    await lockCharacters(tx, [input.characterId], { includeDeleted: true });
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
    const member = await tx.partyMember.create({
      data: { partyId: input.partyId, characterId: input.characterId },
    });
    await publishPartyJoined(tx, member);
    return { joined: true, former: mine?.partyId ?? null };
  });
}
