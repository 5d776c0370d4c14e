// A guild's life outside its membership: founding (the fee, the default ranks, taken
// names and bad strings, two founders at once), the roster and the public page, and
// disbanding (leader only, the name typed, an empty bank).
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { GUILD_CREATE_FEE, GUILD_DEFAULT_RANKS } from '@necp/shared';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { createGuild } from './create-guild';
import { disbandGuild } from './disband-guild';
import { depositToGuildBank, withdrawFromGuildBank } from './guild-bank';
import { inviteToGuild, listGuildInvites } from './guild-invites';
import { setGuildMotd } from './guild-settings';
import { guildIdOf, guildMemberIds, guildPublic, guildRoster, myGuild } from './read-guild';
import { char, eddiesOf, expectGuildBalanced, foundGuild, guildNames, join } from './test-helpers';

const db = testDb(6);
afterAll(() => db.$disconnect());

describe('founding a guild', () => {
  it('costs the fee (a ledger sink), makes the founder leader with the default ranks', async () => {
    const deps = testDeps(db);
    const founder = await char(db, GUILD_CREATE_FEE + 5);
    const names = guildNames();
    const g = await createGuild(deps, {
      characterId: founder.id,
      name: `  ${names.name} `,
      tag: names.tag.toLowerCase(),
    });
    expect(g).toMatchObject({ name: names.name, tag: names.tag, eddies: 5 });
    expect(await eddiesOf(db, founder)).toBe(5);
    const view = (await myGuild(deps, founder.id))!;
    expect(view).toMatchObject({
      id: g.guildId,
      name: names.name,
      tag: names.tag,
      level: 1,
      memberCount: 1,
      motd: '',
      bankEddies: 0,
      withdrawLeftToday: null,
    });
    expect(view.ranks.map((r) => r.name)).toEqual(GUILD_DEFAULT_RANKS.map((r) => r.name));
    expect(view.rank.name).toBe('Leader');
    expect(Object.values(view.rank.permissions).every(Boolean)).toBe(true);
    const fee = await db.ledgerEntry.findFirstOrThrow({
      where: { characterId: founder.id, reason: 'guild_fee' },
    });
    expect(fee).toMatchObject({ eddiesDelta: -GUILD_CREATE_FEE, toOwner: 'sink:guild_fee' });
    expect(await guildIdOf(deps, founder.id)).toBe(g.guildId);
    expect(await guildMemberIds(deps, g.guildId)).toEqual([founder.id]);
    await expectGuildBalanced(db, [founder], [g.guildId]);
  });

  it('refuses a taken name or tag (case ignored), too few eddies and bad strings; nothing is written', async () => {
    const deps = testDeps(db);
    const first = await foundGuild(deps);
    const other = await char(db, GUILD_CREATE_FEE * 3);
    const fresh = guildNames();
    for (const clash of [
      { name: first.name.toUpperCase(), tag: fresh.tag },
      { name: fresh.name, tag: first.tag.toLowerCase() },
    ])
      await expectDomainError(
        createGuild(deps, { characterId: other.id, ...clash }),
        'CONFLICT',
        'That guild name or tag is taken.',
      );
    for (const bad of [
      { name: 'Bad\u0000Name', tag: 'ABC' },
      { name: 'Bad\u0007Name', tag: 'ABC' },
      { name: 'Bad\uD83DName', tag: 'ABC' },
      { name: 'x'.repeat(25), tag: 'ABC' },
      { name: 'ab', tag: 'ABC' },
      { name: '  Two  Spaces', tag: 'ABC' },
      { name: fresh.name, tag: 'A' },
      { name: fresh.name, tag: 'ABCDEF' },
      { name: fresh.name, tag: 'AB1' },
      { name: fresh.name, tag: 'A\u0000B' },
      { name: 'Admin', tag: fresh.tag },
    ])
      expect((await domainError(createGuild(deps, { characterId: other.id, ...bad }))).code).toBe(
        'VALIDATION',
      );
    expect(await eddiesOf(db, other)).toBe(GUILD_CREATE_FEE * 3);

    const poor = await char(db, GUILD_CREATE_FEE - 1);
    await expectDomainError(
      createGuild(deps, { characterId: poor.id, ...fresh }),
      'INVALID_STATE',
      `Founding a guild costs ${GUILD_CREATE_FEE} eddies.`,
    );
    expect(await eddiesOf(db, poor)).toBe(GUILD_CREATE_FEE - 1);
    expect(await db.guild.count({ where: { nameLower: fresh.name.toLowerCase() } })).toBe(0);
    expect(await db.guildMember.count({ where: { characterId: poor.id } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { characterId: poor.id } })).toBe(1); // the grant

    // one guild per character
    await expectDomainError(
      createGuild(deps, { characterId: first.leader.id, ...guildNames() }),
      'CONFLICT',
    );
    await expectGuildBalanced(db, [first.leader, other, poor], [first.guildId]);
  });

  it('two founders with one name at once: one guild, one fee', async () => {
    const deps = testDeps(db);
    const [a, b] = [await char(db, GUILD_CREATE_FEE), await char(db, GUILD_CREATE_FEE)];
    const names = guildNames();
    const results = await Promise.allSettled([
      createGuild(deps, { characterId: a.id, ...names }),
      createGuild(deps, { characterId: b.id, name: names.name, tag: guildNames().tag }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await eddiesOf(db, a)) + (await eddiesOf(db, b))).toBe(GUILD_CREATE_FEE);
    await expectGuildBalanced(db, [a, b], []);
  });
});

describe('reads', () => {
  it('roster with online status for members only; the public page has no private data', async () => {
    const deps = testDeps(db);
    const { leader, guildId, name, tag } = await foundGuild(deps);
    const online = await char(db);
    await join(deps, leader, online);
    await setGuildMotd(deps, { characterId: leader.id, motd: 'secret plans' });
    await db.characterPresence.create({
      data: {
        characterId: online.id,
        status: 'online',
        zoneId: 'westbrook',
        holder: 'test',
        seenAt: deps.clock.now(),
      },
    });
    const roster = await guildRoster(deps, { characterId: online.id, guildId });
    expect(roster).toEqual([
      expect.objectContaining({ id: leader.id, rankName: 'Leader', status: 'offline' }),
      expect.objectContaining({
        id: online.id,
        rankName: 'Recruit',
        status: 'online',
        zoneId: 'westbrook',
      }),
    ]);

    const outsider = await char(db);
    await expectDomainError(
      guildRoster(deps, { characterId: outsider.id, guildId }),
      'FORBIDDEN',
      'Only members can see that.',
    );
    expect(await myGuild(deps, outsider.id)).toBeNull();
    expect(await guildIdOf(deps, outsider.id)).toBeNull();

    for (const key of [name, name.toLowerCase(), tag, tag.toLowerCase(), ` ${tag} `]) {
      const pub = await guildPublic(deps, key);
      expect(pub).toEqual({
        name,
        tag,
        level: 1,
        memberCount: 2,
        foundedAt: expect.any(Number),
        members: [
          { name: leader.name, level: 1, class: 'solo', rank: 'Leader', rankPosition: 0 },
          { name: online.name, level: 1, class: 'solo', rank: 'Recruit', rankPosition: 3 },
        ],
        // nothing earned yet this season (renown/)
        seasonRenown: { season: expect.any(String), renown: 0 },
      });
      expect(JSON.stringify(pub)).not.toContain('secret');
    }
    await expectDomainError(guildPublic(deps, 'No Such Guild Here'), 'NOT_FOUND');
  });
});

describe('disbanding', () => {
  it('leader only, with the name typed, and only with an empty bank', async () => {
    const deps = testDeps(db);
    const { leader, guildId, name } = await foundGuild(deps, 500);
    const m = await char(db);
    await join(deps, leader, m);
    const invited = await char(db);
    await inviteToGuild(deps, { characterId: leader.id, name: invited.name });
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 300,
      idempotencyKey: uniq('k-'),
    });

    await expectDomainError(
      disbandGuild(deps, { characterId: m.id, confirmName: name }),
      'FORBIDDEN',
    );
    await expectDomainError(
      disbandGuild(deps, { characterId: leader.id, confirmName: `${name}x` }),
      'VALIDATION',
    );
    await expectDomainError(
      disbandGuild(deps, { characterId: leader.id, confirmName: name }),
      'INVALID_STATE',
      'Empty the guild bank first (300 eddies).',
    );
    expect(await guildIdOf(deps, m.id)).toBe(guildId);

    await withdrawFromGuildBank(deps, {
      characterId: leader.id,
      amount: 300,
      idempotencyKey: uniq('k-'),
    });
    const r = await disbandGuild(deps, { characterId: leader.id, confirmName: name.toUpperCase() });
    expect(r.memberIds.sort()).toEqual([leader.id, m.id].sort());
    expect(await guildIdOf(deps, m.id)).toBeNull();
    expect(await guildIdOf(deps, leader.id)).toBeNull();
    expect(await listGuildInvites(deps, invited.id)).toEqual([]);
    expect(await db.guildRank.count({ where: { guildId } })).toBe(0);
    await expectDomainError(guildPublic(deps, name), 'NOT_FOUND');
    expect(await eddiesOf(db, leader)).toBe(500);
    // the ledger keeps the guild's rows, which sum to 0 with the guild gone
    await expectGuildBalanced(db, [leader, m], [guildId]);
    // the name is free again
    const again = await char(db, GUILD_CREATE_FEE);
    await createGuild(deps, { characterId: again.id, name, tag: guildNames().tag });
  });
});
