import { afterAll, describe, expect, it } from 'vitest';
import { NPC_TEMPLATES_BY_ID, splitPartyXp, xpForKill, type NpcTemplate } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, newPlayer } from '../inventory/test-helpers';
import { acceptPartyInvite, inviteToParty } from '../party/party';
import { awardKill, type AwardKillInput } from './award-kill';

const db = testDb(8);
afterAll(() => db.$disconnect());

// Not Watson: the sim tests load Watson's drops at every boot.
const ZONE = 'westbrook';
const BOSS = NPC_TEMPLATES_BY_ID.get('cyberpsycho_kabuki') as NpcTemplate; // boss_watson: guaranteed loot
const GANGER = NPC_TEMPLATES_BY_ID.get('tyger_claws_punk') as NpcTemplate;

const npcOf = (t: NpcTemplate, at = { x: 100, y: 120 }) => ({
  templateId: t.id,
  name: t.name,
  level: t.level,
  rank: t.rank,
  lootTable: t.lootTable,
  ...at,
});

const kill = (
  contributors: AwardKillInput['contributors'],
  o: { key?: string; npc?: NpcTemplate } = {},
): AwardKillInput => ({
  zoneId: ZONE,
  killKey: o.key ?? uniq('life-'),
  npc: npcOf(o.npc ?? BOSS),
  contributors,
});

const char = (id: string) => db.character.findUniqueOrThrow({ where: { id } });
const killedEvent = (killKey: string) =>
  db.outboxEvent.findUnique({ where: { key: `npc.killed:${killKey}` } });

describe('awardKill', () => {
  it('pays XP to credited live contributors and loot to the top one, with an npc.killed event', async () => {
    const deps = testDeps(db);
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => newPlayer(db)));
    if (!a || !b || !c || !d) throw new Error('players');
    // d did the most damage but is deleted: no XP, no loot; c is below the credit share
    await db.character.update({ where: { id: d.characterId }, data: { deletedAt: new Date() } });
    const input = kill([
      { characterId: a.characterId, damage: 300 },
      { characterId: b.characterId, damage: 300 },
      { characterId: c.characterId, damage: 30 },
      { characterId: d.characterId, damage: 600 },
      { characterId: a.characterId, damage: 200 }, // repeats add up: a has 500
    ]);
    const r = await awardKill(deps, input);

    const xp = xpForKill(BOSS.level, 1, BOSS.rank);
    expect(r.duplicate).toBe(false);
    expect(r.lootOwnerId).toBe(a.characterId);
    expect(r.rewards.map((w) => [w.characterId, w.xp.xpGained]).toSorted()).toEqual(
      [
        [a.characterId, xp],
        [b.characterId, xp],
      ].toSorted(),
    );
    for (const p of [a, b]) expect((await char(p.characterId)).xp).toBe(xp);
    for (const p of [c, d]) expect((await char(p.characterId)).xp).toBe(0);

    // boss loot is guaranteed: drops at the corpse owned by a, eddies credited to a
    expect(r.loot.drops.length).toBeGreaterThan(0);
    for (const drop of r.loot.drops)
      expect(drop).toMatchObject({ zoneId: ZONE, ownerCharacterId: a.characterId });
    expect(r.loot.eddies).toBeGreaterThan(0);
    expect((await char(a.characterId)).eddies).toBe(r.loot.eddies);
    expect((await char(b.characterId)).eddies).toBe(0);
    await expectBalanced(db, [a, b, c, d]);

    const event = await killedEvent(input.killKey);
    expect(event?.payload).toEqual({
      zoneId: ZONE,
      npcTemplateId: BOSS.id,
      npcName: BOSS.name,
      level: BOSS.level,
      rank: BOSS.rank,
      x: 100,
      y: 120,
      killers: expect.arrayContaining([
        { characterId: a.characterId, damage: 500, xp },
        { characterId: b.characterId, damage: 300, xp },
      ]),
      lootOwnerId: a.characterId,
    });
    expect((event?.payload as { killers: unknown[] }).killers).toHaveLength(2);
    // the boss XP levels a level-1 character up: that is an event too
    expect(
      await db.outboxEvent.count({
        where: {
          type: 'character.leveled',
          key: { startsWith: `character.leveled:${a.characterId}:` },
        },
      }),
    ).toBe(1);
  });

  it('party members near the corpse share the kill, split by level; far ones and strangers do not', async () => {
    const deps = testDeps(db);
    const [lead, low, far, stranger] = await Promise.all([
      newPlayer(db, { level: 4 }),
      newPlayer(db, { level: 2 }),
      newPlayer(db, { level: 4 }),
      newPlayer(db, { level: 4 }),
    ]);
    if (!lead || !low || !far || !stranger) throw new Error('players');
    const nameOf = async (id: string) => (await char(id)).name;
    for (const p of [low, far]) {
      const inv = await inviteToParty(deps, {
        characterId: lead.characterId,
        name: await nameOf(p.characterId),
      });
      await acceptPartyInvite(deps, { characterId: p.characterId, inviteId: inv.inviteId! });
    }
    // only the leader hit it; low and the stranger stand by the corpse, far does not
    const input = {
      ...kill([{ characterId: lead.characterId, damage: 500 }], { npc: GANGER }),
      nearby: [lead.characterId, low.characterId, stranger.characterId].sort(),
    };
    const r = await awardKill(deps, input);
    const want = splitPartyXp(GANGER, [
      { characterId: lead.characterId, level: 4 },
      { characterId: low.characterId, level: 2 },
    ]);
    // (xpGained also counts the level's floor these hand-made level-4 rows lacked: the
    // amounts granted are the event's)
    expect(r.rewards.map((w) => w.characterId).sort()).toEqual(
      [lead.characterId, low.characterId].sort(),
    );
    expect(want.get(lead.characterId)).toBe(2 * want.get(low.characterId)!);
    for (const p of [far, stranger]) expect((await char(p.characterId)).xp).toBe(0);
    // the loot stays with the one who fought; quest credit rides on the event's killers
    expect(r.lootOwnerId).toBe(lead.characterId);
    const event = await killedEvent(input.killKey);
    const killers = (event?.payload as { killers: { characterId: string; xp: number }[] }).killers;
    expect(Object.fromEntries(killers.map((k) => [k.characterId, k.xp]))).toEqual(
      Object.fromEntries(want),
    );
    await expectBalanced(db, [lead, low, far, stranger]);
  });

  it('pays a kill once: a repeated or concurrent award with the same key is a duplicate', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const input = kill([{ characterId: p.characterId, damage: 100 }]);
    const [one, two] = await Promise.all([awardKill(deps, input), awardKill(deps, input)]);
    expect([one?.duplicate, two?.duplicate].toSorted()).toEqual([false, true]);
    const again = await awardKill(deps, input);
    expect(again).toEqual({
      duplicate: true,
      rewards: [],
      loot: { drops: [], eddies: 0 },
      lootOwnerId: null,
      party: null,
    });
    const paid = one?.duplicate ? two : one;
    const row = await char(p.characterId);
    expect(row.xp).toBe(xpForKill(BOSS.level, 1, BOSS.rank));
    expect(row.eddies).toBe(paid?.loot.eddies);
    expect(await db.worldDrop.count({ where: { ownerCharacterId: p.characterId } })).toBe(
      paid?.loot.drops.length,
    );
    await expectBalanced(db, [p]);
  });

  it('gives no XP for a grey kill but still drops the loot', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db, { level: 30 });
    const input = kill([{ characterId: p.characterId, damage: 50 }], { npc: BOSS });
    expect(xpForKill(BOSS.level, 30, BOSS.rank)).toBe(0);
    const r = await awardKill(deps, input);
    expect(r).toMatchObject({ duplicate: false, rewards: [], lootOwnerId: p.characterId });
    expect(r.loot.drops.length).toBeGreaterThan(0);
    expect((await char(p.characterId)).xp).toBe(0);
    expect((await killedEvent(input.killKey))?.payload).toMatchObject({
      killers: [{ characterId: p.characterId, damage: 50, xp: 0 }],
    });
  });

  it('records a kill nobody earned credit for, paying nothing', async () => {
    const deps = testDeps(db);
    const gone = await newPlayer(db);
    await db.character.update({ where: { id: gone.characterId }, data: { deletedAt: new Date() } });
    for (const contributors of [[], [{ characterId: gone.characterId, damage: 10 }]]) {
      const input = kill(contributors, { npc: GANGER });
      const r = await awardKill(deps, input);
      expect(r).toEqual({
        duplicate: false,
        rewards: [],
        loot: { drops: [], eddies: 0 },
        lootOwnerId: null,
        party: null,
      });
      expect((await killedEvent(input.killKey))?.payload).toMatchObject({
        killers: [],
        lootOwnerId: null,
      });
    }
  });

  it('refuses malformed input without writing', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const good = kill([{ characterId: p.characterId, damage: 10 }]);
    for (const bad of [
      { ...good, killKey: '' },
      { ...good, npc: { ...good.npc, level: 0 } },
      { ...good, npc: { ...good.npc, rank: 'legend' } },
      { ...good, contributors: [{ characterId: p.characterId, damage: -1 }] },
    ])
      await expectDomainError(awardKill(deps, bad as AwardKillInput), 'VALIDATION');
    expect((await char(p.characterId)).xp).toBe(0);
  });
});
