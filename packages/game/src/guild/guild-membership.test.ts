// Who is in a guild and at what rank: invitations (accept, decline, expiry, blocks,
// the member cap), promotion and demotion, kicks, leaving and handing over the lead,
// the message of the day and the leader's rank edits.
import { afterAll, describe, expect, it } from 'vitest';
import {
  GUILD_DEFAULT_RANKS,
  GUILD_INVITE_MS,
  GUILD_LOWEST_RANK,
  GUILD_MEMBERS_MAX,
} from '@necp/shared';
import { createTestUser, testCharacterData } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { blockCharacter } from '../chat/blocks';
import {
  acceptGuildInvite,
  declineGuildInvite,
  inviteToGuild,
  listGuildInvites,
} from './guild-invites';
import {
  demoteGuildMember,
  kickFromGuild,
  leaveGuild,
  promoteGuildMember,
  transferGuildLeadership,
} from './guild-membership';
import { editGuildRank, setGuildMotd } from './guild-settings';
import { guildIdOf, guildPublic, guildRoster, myGuild } from './read-guild';
import { char, foundGuild, join, type TestChar } from './test-helpers';

const db = testDb(6);
afterAll(() => db.$disconnect());

const rankOf = async (c: TestChar) =>
  (
    await db.guildMember.findUniqueOrThrow({
      where: { characterId: c.id },
      include: { rank: true },
    })
  ).rank.name;

describe('invitations', () => {
  it('invite by name → accept joins as Recruit; decline; expiry; permissions', async () => {
    const deps = testDeps(db);
    const { leader, guildId, name } = await foundGuild(deps);
    const [a, b, c] = [await char(db), await char(db), await char(db)];
    const sent = await inviteToGuild(deps, { characterId: leader.id, name: a.name.toLowerCase() });
    expect(sent).toMatchObject({ toId: a.id, name: a.name });
    expect(sent.expiresAt).toBe(deps.clock.ms() + GUILD_INVITE_MS);
    const inbox = await listGuildInvites(deps, a.id);
    expect(inbox).toEqual([
      expect.objectContaining({ id: sent.inviteId, guildId, guildName: name, from: leader.name }),
    ]);
    // only the invitee accepts
    await expectDomainError(
      acceptGuildInvite(deps, { characterId: b.id, inviteId: sent.inviteId! }),
      'NOT_FOUND',
    );
    expect(await acceptGuildInvite(deps, { characterId: a.id, inviteId: sent.inviteId! })).toEqual({
      guildId,
    });
    expect(await rankOf(a)).toBe(GUILD_DEFAULT_RANKS[GUILD_LOWEST_RANK]!.name);
    expect(await listGuildInvites(deps, a.id)).toEqual([]);
    // a recruit may not invite; members of a guild cannot be invited again
    await expectDomainError(
      inviteToGuild(deps, { characterId: a.id, name: b.name }),
      'FORBIDDEN',
      'Your rank cannot invite players.',
    );
    await expectDomainError(
      inviteToGuild(deps, { characterId: leader.id, name: a.name }),
      'CONFLICT',
      `${a.name} is already in your guild.`,
    );
    await expectDomainError(
      inviteToGuild(deps, { characterId: leader.id, name: leader.name }),
      'VALIDATION',
    );
    await expectDomainError(
      inviteToGuild(deps, { characterId: leader.id, name: 'Nobody-Xx7' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      inviteToGuild(deps, { characterId: c.id, name: b.name }),
      'INVALID_STATE',
    );

    // decline
    const toB = await inviteToGuild(deps, { characterId: leader.id, name: b.name });
    await expectDomainError(
      declineGuildInvite(deps, { characterId: c.id, inviteId: toB.inviteId! }),
      'NOT_FOUND',
    );
    await declineGuildInvite(deps, { characterId: b.id, inviteId: toB.inviteId! });
    expect(await listGuildInvites(deps, b.id)).toEqual([]);

    // an expired invitation cannot be accepted, and is no longer listed
    const toC = await inviteToGuild(deps, { characterId: leader.id, name: c.name });
    deps.clock.advance(GUILD_INVITE_MS + 1);
    expect(await listGuildInvites(deps, c.id)).toEqual([]);
    await expectDomainError(
      acceptGuildInvite(deps, { characterId: c.id, inviteId: toC.inviteId! }),
      'NOT_FOUND',
      'That invitation is no longer valid.',
    );
    expect(await guildIdOf(deps, c.id)).toBeNull();
    // inviting again makes a new one (the expired one is swept)
    const again = await inviteToGuild(deps, { characterId: leader.id, name: c.name });
    expect(again.inviteId).not.toBe(toC.inviteId);
    expect(await db.guildInvite.count({ where: { id: toC.inviteId! } })).toBe(0);
    await acceptGuildInvite(deps, { characterId: c.id, inviteId: again.inviteId! });
    expect(await guildIdOf(deps, c.id)).toBe(guildId);
    // already in a guild: someone else's invitation says so
    const rival = await foundGuild(deps);
    await expectDomainError(
      inviteToGuild(deps, { characterId: rival.leader.id, name: c.name }),
      'CONFLICT',
      `${c.name} is already in a guild.`,
    );
  });

  it('a player who blocks the inviter never receives the invitation (silently)', async () => {
    const deps = testDeps(db);
    const { leader } = await foundGuild(deps);
    const shy = await char(db);
    await blockCharacter(deps, { characterId: shy.id, name: leader.name });
    expect(await inviteToGuild(deps, { characterId: leader.id, name: shy.name })).toEqual({
      inviteId: null,
      toId: shy.id,
      name: shy.name,
      expiresAt: 0,
    });
    expect(await listGuildInvites(deps, shy.id)).toEqual([]);
    expect(await db.guildInvite.count({ where: { toId: shy.id } })).toBe(0);
  });

  it(`at most ${GUILD_MEMBERS_MAX} members: invite and accept refused; two accepts at once, one fits`, async () => {
    const deps = testDeps(db);
    const { leader, guildId, tag } = await foundGuild(deps);
    const [late1, late2, late3] = [await char(db), await char(db), await char(db)];
    const i1 = await inviteToGuild(deps, { characterId: leader.id, name: late1.name });
    const i2 = await inviteToGuild(deps, { characterId: leader.id, name: late2.name });
    // fill to one short of the cap with bulk rows
    const filler = await createTestUser(db);
    const rows = Array.from({ length: GUILD_MEMBERS_MAX - 2 }, () => testCharacterData(filler.id));
    await db.character.createMany({ data: rows });
    const ids = (
      await db.character.findMany({ where: { userId: filler.id }, select: { id: true } })
    ).map((c) => c.id);
    const recruit = await db.guildRank.findFirstOrThrow({
      where: { guildId, position: GUILD_LOWEST_RANK },
    });
    await db.guildMember.createMany({
      data: ids.map((characterId) => ({ characterId, guildId, rankId: recruit.id })),
    });
    const results = await Promise.allSettled([
      acceptGuildInvite(deps, { characterId: late1.id, inviteId: i1.inviteId! }),
      acceptGuildInvite(deps, { characterId: late2.id, inviteId: i2.inviteId! }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.guildMember.count({ where: { guildId } })).toBe(GUILD_MEMBERS_MAX);
    await expectDomainError(
      inviteToGuild(deps, { characterId: leader.id, name: late3.name }),
      'CONFLICT',
      `Your guild is full (${GUILD_MEMBERS_MAX}).`,
    );
    const loser = results.findIndex((r) => r.status === 'rejected');
    expect(((results[loser] as PromiseRejectedResult).reason as Error).message).toBe('guild full');
    expect(await guildPublic(deps, tag)).toMatchObject({
      level: 5,
      memberCount: GUILD_MEMBERS_MAX,
    });
  });
});

describe('ranks and membership', () => {
  async function guildOfFive() {
    const deps = testDeps(db);
    const { leader, guildId, name } = await foundGuild(deps);
    const [officer, member, recruit, recruit2] = [
      await char(db),
      await char(db),
      await char(db),
      await char(db),
    ];
    for (const c of [officer, member, recruit, recruit2]) await join(deps, leader, c);
    await promoteGuildMember(deps, { characterId: leader.id, memberId: member.id });
    await promoteGuildMember(deps, { characterId: leader.id, memberId: officer.id });
    await promoteGuildMember(deps, { characterId: leader.id, memberId: officer.id });
    return { deps, leader, officer, member, recruit, recruit2, guildId, name };
  }

  it('promote/demote one step, only below your own rank', async () => {
    const { deps, leader, officer, member, recruit } = await guildOfFive();
    expect([await rankOf(officer), await rankOf(member), await rankOf(recruit)]).toEqual([
      'Officer',
      'Member',
      'Recruit',
    ]);
    // nobody is promoted to leader: that is a hand-over
    await expectDomainError(
      promoteGuildMember(deps, { characterId: leader.id, memberId: officer.id }),
      'FORBIDDEN',
      'Hand over the lead to make someone leader.',
    );
    // an officer promotes a recruit to member, but not a member to officer (its own rank)
    expect(
      await promoteGuildMember(deps, { characterId: officer.id, memberId: recruit.id }),
    ).toMatchObject({ rankName: 'Member', position: 2 });
    await expectDomainError(
      promoteGuildMember(deps, { characterId: officer.id, memberId: recruit.id }),
      'FORBIDDEN',
    );
    await demoteGuildMember(deps, { characterId: officer.id, memberId: recruit.id });
    await expectDomainError(
      demoteGuildMember(deps, { characterId: officer.id, memberId: recruit.id }),
      'INVALID_STATE',
    );
    // not the same or a higher rank; not without the permission
    await expectDomainError(
      demoteGuildMember(deps, { characterId: officer.id, memberId: leader.id }),
      'FORBIDDEN',
    );
    await expectDomainError(
      demoteGuildMember(deps, { characterId: member.id, memberId: recruit.id }),
      'FORBIDDEN',
      'Your rank cannot promote or demote members.',
    );
    await expectDomainError(
      promoteGuildMember(deps, { characterId: officer.id, memberId: officer.id }),
      'VALIDATION',
    );
    const stranger = await char(db);
    await expectDomainError(
      promoteGuildMember(deps, { characterId: leader.id, memberId: stranger.id }),
      'NOT_FOUND',
    );
  });

  it('kick reaches only lower ranks; a recruit cannot kick; leave; the leader hands over first', async () => {
    const { deps, leader, officer, member, recruit, recruit2, guildId } = await guildOfFive();
    await expectDomainError(
      kickFromGuild(deps, { characterId: recruit.id, memberId: recruit2.id }),
      'FORBIDDEN',
      'Your rank cannot remove members.',
    );
    await expectDomainError(
      kickFromGuild(deps, { characterId: member.id, memberId: recruit.id }),
      'FORBIDDEN',
    );
    await expectDomainError(
      kickFromGuild(deps, { characterId: officer.id, memberId: leader.id }),
      'FORBIDDEN',
      'You can only remove members below your own rank.',
    );
    await kickFromGuild(deps, { characterId: officer.id, memberId: recruit.id });
    expect(await guildIdOf(deps, recruit.id)).toBeNull();
    await expectDomainError(
      kickFromGuild(deps, { characterId: officer.id, memberId: recruit.id }),
      'NOT_FOUND',
    );
    // the kicked one can no longer act in the guild
    await expectDomainError(
      kickFromGuild(deps, { characterId: recruit.id, memberId: recruit2.id }),
      'INVALID_STATE',
      'You are not in a guild.',
    );

    await expectDomainError(
      leaveGuild(deps, { characterId: leader.id }),
      'INVALID_STATE',
      'Hand the lead to another member first, or disband the guild.',
    );
    await leaveGuild(deps, { characterId: recruit2.id });
    expect(await guildIdOf(deps, recruit2.id)).toBeNull();

    await expectDomainError(
      transferGuildLeadership(deps, { characterId: officer.id, memberId: member.id }),
      'FORBIDDEN',
      'Only the guild leader can do that.',
    );
    await transferGuildLeadership(deps, { characterId: leader.id, memberId: member.id });
    expect([await rankOf(member), await rankOf(leader)]).toEqual(['Leader', 'Officer']);
    await leaveGuild(deps, { characterId: leader.id });
    const roster = await guildRoster(deps, { characterId: member.id, guildId });
    expect(roster.map((m) => [m.name, m.rankName])).toEqual([
      [member.name, 'Leader'],
      [officer.name, 'Officer'],
    ]);
    // the old leader, now outside, cannot kick the new one
    await expectDomainError(
      kickFromGuild(deps, { characterId: officer.id, memberId: member.id }),
      'FORBIDDEN',
    );
  });

  it('message of the day and the leader’s rank edits', async () => {
    const { deps, leader, officer, member, recruit } = await guildOfFive();
    await expectDomainError(
      setGuildMotd(deps, { characterId: recruit.id, motd: 'hi' }),
      'FORBIDDEN',
    );
    expect(
      await setGuildMotd(deps, { characterId: officer.id, motd: 'Raid at 9\nBring stims' }),
    ).toEqual({ motd: 'Raid at 9\nBring stims' });
    expect((await myGuild(deps, recruit.id))!.motd).toBe('Raid at 9\nBring stims');
    for (const motd of ['a\u0000b', 'a\u0007b', 'x\uD83D', 'x'.repeat(501)])
      await expectDomainError(setGuildMotd(deps, { characterId: officer.id, motd }), 'VALIDATION');

    const ranks = (await myGuild(deps, leader.id))!.ranks;
    const [leaderRank, , memberRank, recruitRank] = ranks;
    await expectDomainError(
      editGuildRank(deps, { characterId: officer.id, rankId: recruitRank!.id, name: 'Pup' }),
      'FORBIDDEN',
    );
    const edited = await editGuildRank(deps, {
      characterId: leader.id,
      rankId: recruitRank!.id,
      name: 'Pup',
      permissions: { motd: true, withdraw: true },
      dailyWithdrawLimit: 100,
    });
    expect(edited).toMatchObject({
      name: 'Pup',
      dailyWithdrawLimit: 100,
      permissions: {
        invite: false,
        kick: false,
        promote: false,
        motd: true,
        deposit: true,
        withdraw: true,
      },
    });
    await setGuildMotd(deps, { characterId: recruit.id, motd: '' });
    await editGuildRank(deps, {
      characterId: leader.id,
      rankId: memberRank!.id,
      dailyWithdrawLimit: null,
    });
    expect((await myGuild(deps, member.id))!.withdrawLeftToday).toBeNull();
    await expectDomainError(
      editGuildRank(deps, {
        characterId: leader.id,
        rankId: leaderRank!.id,
        permissions: { withdraw: false },
      }),
      'INVALID_STATE',
    );
    expect(
      await editGuildRank(deps, { characterId: leader.id, rankId: leaderRank!.id, name: 'Boss' }),
    ).toMatchObject({ name: 'Boss', dailyWithdrawLimit: null });
    const other = await foundGuild(deps);
    const foreign = (await myGuild(deps, other.leader.id))!.ranks[3]!;
    await expectDomainError(
      editGuildRank(deps, { characterId: leader.id, rankId: foreign.id, name: 'Mine' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      editGuildRank(deps, { characterId: leader.id, rankId: recruitRank!.id, name: 'A\u0000' }),
      'VALIDATION',
    );
    expect((await db.guildRank.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe(
      'Recruit',
    );
  });
});
