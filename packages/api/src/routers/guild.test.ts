import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { blockCharacter, checkInvariants, recordCurrency } from '@necp/game';
import { GUILD_CREATE_FEE } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

async function player(eddies = 0) {
  const s = await signedIn(deps, db);
  const c = await createTestCharacter(db, s.user.id);
  if (eddies > 0)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: eddies }),
    );
  return { ...s, characterId: c.id, name: c.name };
}

/** 2–5 letters for a tag, unique enough for one run. */
const tagOf = (s: string) =>
  s
    .replace(/[^a-z]/g, '')
    .slice(0, 5)
    .toUpperCase()
    .padEnd(2, 'X');

describe('guild router', () => {
  it('a whole flow for the caller’s own characters; typed errors; the public page', async () => {
    const lead = await player(GUILD_CREATE_FEE + 1_000);
    const mate = await player(0);
    const name = `Router ${uniq('g').slice(1, 9)}`;
    const tag = tagOf(uniq('').replace(/[0-9]/g, '') + 'abcde');
    const created = await lead.caller.guild.create({
      characterId: lead.characterId,
      name,
      tag: tag.toLowerCase(),
    });
    expect(created).toMatchObject({ name, tag, eddies: 1_000 });
    // someone else's character: NOT_FOUND, as for a missing one
    expect(
      await rejection(mate.caller.guild.mine({ characterId: lead.characterId })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(
        mate.caller.guild.create({
          characterId: lead.characterId,
          name: 'Stolen Name',
          tag: 'STL',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // a taken name is CONFLICT; too few eddies is PRECONDITION_FAILED
    const rich = await player(GUILD_CREATE_FEE);
    expect(
      await rejection(
        rich.caller.guild.create({
          characterId: rich.characterId,
          name: name.toLowerCase(),
          tag: 'ZZZZ',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'That guild name or tag is taken.' });
    expect(
      await rejection(
        mate.caller.guild.create({ characterId: mate.characterId, name: 'Poor Folk', tag: 'POOR' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect(
      await lead.caller.guild.invite({ characterId: lead.characterId, name: mate.name }),
    ).toEqual({ name: mate.name, sent: true });
    const [inv] = await mate.caller.guild.invites({ characterId: mate.characterId });
    expect(inv).toMatchObject({ guildName: name, guildTag: tag, from: lead.name });
    await mate.caller.guild.accept({ characterId: mate.characterId, inviteId: inv!.id });

    const mine = (await mate.caller.guild.mine({ characterId: mate.characterId }))!;
    expect(mine).toMatchObject({ name, tag, memberCount: 2, rank: { name: 'Recruit' } });
    const roster = await mate.caller.guild.roster({
      characterId: mate.characterId,
      guildId: mine.id,
    });
    expect(roster.map((m) => m.name)).toEqual([lead.name, mate.name]);
    // recruits cannot withdraw or kick: FORBIDDEN
    expect(
      await rejection(
        mate.caller.guild.withdraw({
          characterId: mate.characterId,
          amount: 1,
          idempotencyKey: uniq('k-'),
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejection(
        mate.caller.guild.kick({ characterId: mate.characterId, memberId: lead.characterId }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    await lead.caller.guild.deposit({
      characterId: lead.characterId,
      amount: 400,
      idempotencyKey: uniq('k-'),
    });
    await lead.caller.guild.setMotd({ characterId: lead.characterId, motd: 'members only text' });
    await lead.caller.guild.promote({ characterId: lead.characterId, memberId: mate.characterId });
    const log = await mate.caller.guild.bankLog({
      characterId: mate.characterId,
      guildId: mine.id,
    });
    expect(log.items.map((e) => [e.name, e.kind, e.amount])).toEqual([[lead.name, 'deposit', 400]]);

    // outsiders: no roster, no bank log (FORBIDDEN); the public page for anyone, without private data
    const outsider = await player();
    for (const call of [
      () => outsider.caller.guild.roster({ characterId: outsider.characterId, guildId: mine.id }),
      () => outsider.caller.guild.bankLog({ characterId: outsider.characterId, guildId: mine.id }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'FORBIDDEN' });
    const pub = await anonCaller(deps).guild.public({ nameOrTag: tag.toLowerCase() });
    expect(pub).toMatchObject({ name, tag, level: 1, memberCount: 2 });
    expect(pub.members.map((m) => [m.name, m.rank])).toEqual([
      [lead.name, 'Leader'],
      [mate.name, 'Member'],
    ]);
    // nothing private: no bank (its 400 eddies), no member-only text (ids may hold "400")
    expect(pub).not.toHaveProperty('bankEddies');
    expect(JSON.stringify(pub)).not.toMatch(/members only|bankEddies|:400[,}]/);
    expect(
      await rejection(anonCaller(deps).guild.public({ nameOrTag: 'Nope Guild' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    // the members-only procedures need a session
    expect(
      await rejection(anonCaller(deps).guild.mine({ characterId: lead.characterId })),
    ).toMatchObject({ code: 'UNAUTHORIZED' });

    // disband: the typed name, an empty bank
    expect(
      await rejection(
        lead.caller.guild.disband({ characterId: lead.characterId, confirmName: 'x' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(
        lead.caller.guild.disband({ characterId: lead.characterId, confirmName: name }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });
    await lead.caller.guild.withdraw({
      characterId: lead.characterId,
      amount: 400,
      idempotencyKey: uniq('k-'),
    });
    expect(
      await lead.caller.guild.disband({ characterId: lead.characterId, confirmName: name }),
    ).toMatchObject({ guildId: mine.id });
    expect(await mate.caller.guild.mine({ characterId: mate.characterId })).toBeNull();
    expect(
      await checkInvariants(db, {
        characterIds: [lead.characterId, mate.characterId],
        guildIds: [mine.id],
      }),
    ).toEqual([]);
  });

  it('a blocked inviter sees the invitation go out; nothing arrives', async () => {
    const lead = await player(GUILD_CREATE_FEE);
    const shy = await player();
    await lead.caller.guild.create({
      characterId: lead.characterId,
      name: `Blocked ${uniq('g').slice(1, 9)}`,
      tag: tagOf(uniq('').replace(/[0-9]/g, '') + 'qwert'),
    });
    await blockCharacter(deps, { characterId: shy.characterId, name: lead.name });
    expect(
      await lead.caller.guild.invite({ characterId: lead.characterId, name: shy.name }),
    ).toEqual({ name: shy.name, sent: true });
    expect(await shy.caller.guild.invites({ characterId: shy.characterId })).toEqual([]);
  });

  it('refuses bad strings and amounts at the edge (BAD_REQUEST)', async () => {
    const p = await player(GUILD_CREATE_FEE);
    const characterId = p.characterId;
    const calls = [
      () => p.caller.guild.create({ characterId, name: 'Bad\u0000Name', tag: 'BAD' }),
      () => p.caller.guild.create({ characterId, name: 'Bad\uD83DName', tag: 'BAD' }),
      () => p.caller.guild.create({ characterId, name: 'Fine Name', tag: 'B4D' }),
      () => p.caller.guild.setMotd({ characterId, motd: 'a\u0000b' }),
      () => p.caller.guild.deposit({ characterId, amount: 0, idempotencyKey: uniq('k-') }),
      () => p.caller.guild.withdraw({ characterId, amount: 1.5, idempotencyKey: uniq('k-') }),
      () => p.caller.guild.invite({ characterId, name: 'two words' }),
      () => p.caller.guild.public({ nameOrTag: 'x\u0000' }),
      () => p.caller.guild.mine({ characterId: 'a\u0000' }),
    ];
    for (const call of calls)
      expect(await rejection(call())).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.guildMember.count({ where: { characterId } })).toBe(0);
  });
});
