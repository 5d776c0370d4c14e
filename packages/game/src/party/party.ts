/**
 * Parties: up to PARTY_MAX characters, one party per character, kept in PostgreSQL
 * (a party outlives sim restarts and reconnects). An invitation lasts PARTY_INVITE_MS;
 * accepting one from a player without a party makes the party with them as leader.
 * Every write locks the party's row (or, before one exists, both characters' rows in
 * id order), so a sixth member can never squeeze in. A blocked inviter's invitations
 * are dropped silently. See docs/social.md.
 */
import {
  CharacterIdInputSchema,
  PARTY_INVITE_MS,
  PARTY_MAX,
  PartyInviteInputSchema,
  PartyInviteRefInputSchema,
  PartyLootModeInputSchema,
  PartyMemberRefInputSchema,
  emitTo,
  toCharacters,
  type LootMode,
  type Push,
  type Rarity,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { isBlocked } from '../chat/blocks';
import { characterByName } from '../chat/characters-by-name';
import { notify } from '../notifications/notifications';
import { publishEvent } from '../outbox/publish-event';
import { creditQuestAction } from '../quests/quest-actions';
import { inTransaction } from '../core/transaction';
import { lockCharacters } from '../core/lock-order';
import { parseInput } from '../core/validation';
import { partyPushes, type PartyView } from './party-view';
import { inviteGone, leaderOnly, notInParty } from './errors';

export async function lockParty(tx: Tx, partyId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Party" WHERE id = ${partyId} FOR UPDATE`;
}

/** Invite a character by name (the leader, or anyone not yet in a party). */
export async function inviteToParty(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  raw: { characterId: string; name: string },
): Promise<{
  inviteId: string | null;
  toId: string;
  name: string;
  expiresAt: number;
  pushes: Push[];
}> {
  const input = parseInput(PartyInviteInputSchema, raw);
  const me = input.characterId;
  const target = await characterByName(deps, input.name);
  if (target.id === me)
    throw new DomainError('VALIDATION', 'invite self', 'You cannot invite yourself.');
  const mine = await deps.db.partyMember.findUnique({ where: { characterId: me } });
  if (mine) {
    const party = await deps.db.party.findUniqueOrThrow({ where: { id: mine.partyId } });
    if (party.leaderId !== me) throw leaderOnly();
    const size = await deps.db.partyMember.count({ where: { partyId: party.id } });
    if (size >= PARTY_MAX)
      throw new DomainError('CONFLICT', 'party full', `Your party is full (${PARTY_MAX}).`);
  }
  if (await deps.db.partyMember.findUnique({ where: { characterId: target.id } }))
    throw new DomainError('CONFLICT', 'already in party', `${target.name} is already in a party.`);
  // the blocked side is not told: the invitation "goes out" and nothing is written
  // (but for the inviter's own quest lesson, which counts an invitation sent)
  if (await isBlocked(deps, target.id, me)) {
    await creditQuestAction(deps.db, me, 'party');
    return { inviteId: null, toId: target.id, name: target.name, expiresAt: 0, pushes: [] };
  }
  const expiresAt = new Date(deps.clock.ms() + PARTY_INVITE_MS);
  const invite = await inTransaction(deps.db, async (tx) => {
    const row = await tx.partyInvite.upsert({
      where: { fromId_toId: { fromId: me, toId: target.id } },
      create: { fromId: me, toId: target.id, partyId: mine?.partyId ?? null, expiresAt },
      update: { partyId: mine?.partyId ?? null, expiresAt },
    });
    const { name } = await tx.character.findUniqueOrThrow({ where: { id: me } });
    await notify(tx, deps.clock.now(), {
      characterId: target.id,
      kind: 'party_invite',
      title: `${name} invited you to a party`,
      body: `The invitation lasts ${PARTY_INVITE_MS / 1000} seconds.`,
    });
    await creditQuestAction(tx, me, 'party');
    return { ...row, from: name };
  });
  const invited = emitTo(toCharacters(target.id), 'party:invited', {
    inviteId: invite.id,
    fromId: me,
    from: invite.from,
    expiresAt: expiresAt.getTime(),
  });
  return {
    inviteId: invite.id,
    toId: target.id,
    name: target.name,
    expiresAt: expiresAt.getTime(),
    pushes: [invited],
  };
}

/**
 * party.joined (achievements) and a quest's party lesson, in the transaction that made the
 * membership: named by that PartyMember row (the party, the character, when it joined), so
 * a retried write publishes once and a later join of the same party is another key.
 */
export async function publishPartyJoined(
  tx: Tx,
  member: { partyId: string; characterId: string; joinedAt: Date },
): Promise<void> {
  const { partyId, characterId } = member;
  await publishEvent(tx, {
    type: 'party.joined',
    key: `party.joined:${partyId}:${characterId}:${member.joinedAt.toISOString()}`,
    payload: { partyId, characterId },
  });
  // a quest's party lesson counts joining one too (being invited is teaming up)
  await creditQuestAction(tx, characterId, 'party');
}

/** Accept an invitation made to you (not expired; the party not full; you in none). */
export async function acceptPartyInvite(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  raw: { characterId: string; inviteId: string },
): Promise<{ party: PartyView; pushes: Push[] }> {
  const input = parseInput(PartyInviteRefInputSchema, raw);
  const invite = await deps.db.partyInvite.findFirst({
    where: { id: input.inviteId, toId: input.characterId },
  });
  if (!invite || invite.expiresAt.getTime() <= deps.clock.ms()) {
    if (invite) await deps.db.partyInvite.deleteMany({ where: { id: invite.id } });
    throw inviteGone();
  }
  const partyId = await inTransaction(deps.db, async (tx) => {
    await lockCharacters(tx, [invite.fromId, invite.toId], { includeDeleted: true });
    if (!(await tx.partyInvite.findUnique({ where: { id: invite.id } }))) throw inviteGone();
    await tx.partyInvite.delete({ where: { id: invite.id } });
    if (await tx.partyMember.findUnique({ where: { characterId: invite.toId } }))
      throw new DomainError('CONFLICT', 'already in party', 'Leave your party first.');
    let partyId = (await tx.partyMember.findUnique({ where: { characterId: invite.fromId } }))
      ?.partyId;
    if (partyId) {
      await lockParty(tx, partyId);
      const size = await tx.partyMember.count({ where: { partyId } });
      if (size >= PARTY_MAX)
        throw new DomainError('CONFLICT', 'party full', `That party is full (${PARTY_MAX}).`);
    } else {
      const party = await tx.party.create({ data: { leaderId: invite.fromId } });
      partyId = party.id;
      const leader = await tx.partyMember.create({ data: { partyId, characterId: invite.fromId } });
      await publishPartyJoined(tx, leader);
    }
    const joined = await tx.partyMember.create({ data: { partyId, characterId: invite.toId } });
    await publishPartyJoined(tx, joined);
    return partyId;
  });
  const { party, pushes } = await partyPushes(deps, partyId, { memberId: input.characterId });
  if (!party) throw notInParty();
  return { party, pushes };
}

export async function declinePartyInvite(
  deps: Pick<GameDeps, 'db'>,
  raw: { characterId: string; inviteId: string },
): Promise<void> {
  const input = parseInput(PartyInviteRefInputSchema, raw);
  const r = await deps.db.partyInvite.deleteMany({
    where: { id: input.inviteId, toId: input.characterId },
  });
  if (r.count === 0) throw inviteGone();
}

/** What a change that removed members tells the party: who is gone, and the rest as they are now. */
interface PartyChange {
  partyId: string;
  disbanded: boolean;
  /** every member before the change (matchmaking drops the party's ticket for all of them) */
  memberIds: string[];
  pushes: Push[];
}

/** Leave your party: a leader hands over to the longest member; the last one out disbands it. */
export async function leaveParty(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string },
): Promise<PartyChange> {
  const { characterId: me } = parseInput(CharacterIdInputSchema, input);
  const m = await deps.db.partyMember.findUnique({ where: { characterId: me } });
  if (!m) throw notInParty();
  const { partyId, disbanded, memberIds } = await inTransaction(deps.db, async (tx) => {
    await lockParty(tx, m.partyId);
    const before = await tx.partyMember.findMany({ where: { partyId: m.partyId } });
    await tx.partyMember.deleteMany({ where: { characterId: me, partyId: m.partyId } });
    const settled = await settleParty(tx, m.partyId);
    return { ...settled, memberIds: before.map((x) => x.characterId) };
  });
  const others = memberIds.filter((id) => id !== me);
  const { pushes } = await partyPushes(deps, partyId, {
    gone: disbanded ? [me, ...others] : [me],
    memberId: disbanded ? undefined : others[0],
  });
  return { partyId, disbanded, memberIds, pushes };
}

/**
 * After someone left: a party of one is no party (disbanded), and a party whose
 * leader left gets the longest-standing member as leader.
 */
export async function settleParty(
  tx: Tx,
  partyId: string,
): Promise<{ partyId: string; disbanded: boolean }> {
  const left = await tx.partyMember.findMany({ where: { partyId }, orderBy: { joinedAt: 'asc' } });
  if (left.length <= 1) {
    await tx.party.deleteMany({ where: { id: partyId } });
    return { partyId, disbanded: true };
  }
  const party = await tx.party.findUniqueOrThrow({ where: { id: partyId } });
  if (!left.some((x) => x.characterId === party.leaderId))
    await tx.party.update({ where: { id: partyId }, data: { leaderId: left[0]!.characterId } });
  return { partyId, disbanded: false };
}

async function asLeader(tx: Tx, leaderId: string): Promise<string> {
  const m = await tx.partyMember.findUnique({ where: { characterId: leaderId } });
  if (!m) throw notInParty();
  await lockParty(tx, m.partyId);
  const party = await tx.party.findUniqueOrThrow({ where: { id: m.partyId } });
  if (party.leaderId !== leaderId) throw leaderOnly();
  return party.id;
}

export async function kickFromParty(
  deps: Pick<GameDeps, 'db'>,
  raw: { characterId: string; memberId: string },
): Promise<PartyChange> {
  const input = parseInput(PartyMemberRefInputSchema, raw);
  if (input.memberId === input.characterId)
    throw new DomainError('VALIDATION', 'kick self', 'Leave the party instead.');
  const { partyId, disbanded, memberIds } = await inTransaction(deps.db, async (tx) => {
    const partyId = await asLeader(tx, input.characterId);
    const before = await tx.partyMember.findMany({ where: { partyId } });
    const r = await tx.partyMember.deleteMany({ where: { characterId: input.memberId, partyId } });
    if (r.count === 0)
      throw new DomainError('NOT_FOUND', 'not a member', 'That character is not in your party.');
    const settled = await settleParty(tx, partyId);
    return { ...settled, memberIds: before.map((x) => x.characterId) };
  });
  const { pushes } = await partyPushes(deps, partyId, {
    gone: disbanded ? memberIds : [input.memberId],
    memberId: disbanded ? undefined : input.characterId,
  });
  return { partyId, disbanded, memberIds, pushes };
}

export async function promoteInParty(
  deps: Pick<GameDeps, 'db'>,
  raw: { characterId: string; memberId: string },
): Promise<{ party: PartyView | null; pushes: Push[] }> {
  const input = parseInput(PartyMemberRefInputSchema, raw);
  const partyId = await inTransaction(deps.db, async (tx) => {
    const partyId = await asLeader(tx, input.characterId);
    const member = await tx.partyMember.findUnique({ where: { characterId: input.memberId } });
    if (!member || member.partyId !== partyId)
      throw new DomainError('NOT_FOUND', 'not a member', 'That character is not in your party.');
    await tx.party.update({ where: { id: partyId }, data: { leaderId: input.memberId } });
    return partyId;
  });
  return partyPushes(deps, partyId, { memberId: input.characterId });
}

export async function disbandParty(
  deps: Pick<GameDeps, 'db'>,
  raw: { characterId: string },
): Promise<{ partyId: string; memberIds: string[]; pushes: Push[] }> {
  const input = parseInput(CharacterIdInputSchema, raw);
  const { partyId, memberIds } = await inTransaction(deps.db, async (tx) => {
    const partyId = await asLeader(tx, input.characterId);
    const members = await tx.partyMember.findMany({ where: { partyId } });
    await tx.party.delete({ where: { id: partyId } });
    return { partyId, memberIds: members.map((m) => m.characterId) };
  });
  const { pushes } = await partyPushes(deps, partyId, { gone: memberIds });
  return { partyId, memberIds, pushes };
}

/** The leader sets how drops are shared (and the rarity need/greed and leader apply to). */
export async function setPartyLootMode(
  deps: Pick<GameDeps, 'db'>,
  raw: { characterId: string; mode: LootMode; threshold?: Rarity | undefined },
): Promise<{ partyId: string; pushes: Push[] }> {
  const input = parseInput(PartyLootModeInputSchema, raw);
  const partyId = await inTransaction(deps.db, async (tx) => {
    const partyId = await asLeader(tx, input.characterId);
    await tx.party.update({
      where: { id: partyId },
      data: {
        lootMode: input.mode,
        ...(input.threshold ? { lootThreshold: input.threshold } : {}),
      },
    });
    return partyId;
  });
  const { pushes } = await partyPushes(deps, partyId, { memberId: input.characterId });
  return { partyId, pushes };
}
