// The keys of the guild's outbox events: a membership names its joined and left events, an
// invitation's send names its guild.invited — so a retried write publishes once and the
// next change is another event.
import { afterAll, describe, expect, it } from 'vitest';
import { GUILD_INVITE_MS } from '@necp/shared';
import { testDb, testDeps } from '../accounts/test-deps';
import { inTransaction } from '../core/transaction';
import { GuildInvitedPayloadSchema } from '../outbox/events';
import { acceptGuildInvite, inviteToGuild } from './guild-invites';
import { publishGuildInvited, publishGuildJoined, publishGuildLeft } from './guild-events';
import { leaveGuild } from './guild-membership';
import { char, foundGuild, join } from './test-helpers';

const db = testDb(4);
afterAll(() => db.$disconnect());

/** The types of the events of the guild's membership and invitations about `characterId`. */
const eventsOf = async (characterId: string) =>
  (
    await db.outboxEvent.findMany({
      where: {
        type: { in: ['guild.member_joined', 'guild.member_left', 'guild.invited'] },
        OR: [
          { payload: { path: ['characterId'], equals: characterId } },
          { payload: { path: ['toId'], equals: characterId } },
        ],
      },
      orderBy: { id: 'asc' },
    })
  ).map((e) => e.type);

describe('guild event keys', () => {
  it('a membership joined and left publishes once each, however often written; a second membership again', async () => {
    const deps = testDeps(db);
    const g = await foundGuild(deps);
    const who = await char(db);
    await join(deps, g.leader, who);
    const first = await db.guildMember.findUniqueOrThrow({ where: { characterId: who.id } });
    await leaveGuild(deps, { characterId: who.id });
    const once = ['guild.invited', 'guild.member_joined', 'guild.member_left'];
    expect(await eventsOf(who.id)).toEqual(once);
    // the same membership written again outside its transaction (a retry that lost its answer)
    await inTransaction(db, async (tx) => {
      await publishGuildJoined(tx, first);
      await publishGuildLeft(tx, first, 'left');
    });
    expect(await eventsOf(who.id)).toEqual(once);
    // joining the same guild again is another membership
    await join(deps, g.leader, who);
    expect(await eventsOf(who.id)).toEqual([...once, 'guild.invited', 'guild.member_joined']);
  });

  it('an invitation sent again while open is told again; the same send retried is not', async () => {
    const deps = testDeps(db);
    const g = await foundGuild(deps);
    const who = await char(db);
    const sent = await inviteToGuild(deps, { characterId: g.leader.id, name: who.name });
    deps.clock.advance(GUILD_INVITE_MS / 2);
    const again = await inviteToGuild(deps, { characterId: g.leader.id, name: who.name });
    expect(again.inviteId).toBe(sent.inviteId);
    expect(await eventsOf(who.id)).toEqual(['guild.invited', 'guild.invited']);
    const [last] = await db.outboxEvent.findMany({
      where: { type: 'guild.invited', key: { startsWith: `guild.invited:${sent.inviteId}:` } },
      orderBy: { id: 'desc' },
      take: 1,
    });
    await inTransaction(db, (tx) =>
      publishGuildInvited(tx, GuildInvitedPayloadSchema.parse(last!.payload)),
    );
    expect(await eventsOf(who.id)).toEqual(['guild.invited', 'guild.invited']);
    await acceptGuildInvite(deps, { characterId: who.id, inviteId: sent.inviteId! });
    expect(await eventsOf(who.id)).toEqual([
      'guild.invited',
      'guild.invited',
      'guild.member_joined',
    ]);
  });
});
