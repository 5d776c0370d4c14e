// Loot modes of a party kill (docs/social.md "Loot modes"): round robin rotates the
// owner, free for all opens drops to the party, need/greed holds drops for a seeded
// roll decided by the last answer or the clock, leader mode lets the leader give.
import { afterAll, describe, expect, it } from 'vitest';
import { LOOT_ROLL_MS, NPC_TEMPLATES_BY_ID, type NpcTemplate } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { FakeClock } from '../core/clock';
import { seededStream } from '../core/rng';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, newPlayer } from '../inventory/test-helpers';
import { awardKill } from '../combat/award-kill';
import { acceptPartyInvite, inviteToParty, setPartyLootMode } from '../party/party';
import { pickupDrop } from './pickup-drop';
import { assignLoot, chooseLootRoll, decideDueLootRolls } from './loot-rolls';

const db = testDb(6);
afterAll(() => db.$disconnect());

const ZONE = 'westbrook';
const BOSS = NPC_TEMPLATES_BY_ID.get('cyberpsycho_kabuki') as NpcTemplate; // guaranteed items
const GANGER = NPC_TEMPLATES_BY_ID.get('tyger_claws_punk') as NpcTemplate;

async function party(n: number, clock = new FakeClock()) {
  const deps = testDeps(db, { clock });
  const players = await Promise.all(Array.from({ length: n }, () => newPlayer(db)));
  const [lead, ...rest] = players;
  for (const p of rest) {
    const { name } = await db.character.findUniqueOrThrow({ where: { id: p!.characterId } });
    const inv = await inviteToParty(deps, { characterId: lead!.characterId, name });
    await acceptPartyInvite(deps, { characterId: p!.characterId, inviteId: inv.inviteId! });
  }
  const ids = players.map((p) => p!.characterId);
  const kill = (t: NpcTemplate, by = ids[0]!) =>
    awardKill(deps, {
      zoneId: ZONE,
      killKey: uniq('life-'),
      npc: {
        templateId: t.id,
        name: t.name,
        level: t.level,
        rank: t.rank,
        lootTable: t.lootTable,
        x: 100,
        y: 120,
      },
      contributors: [{ characterId: by, damage: 500 }],
      nearby: [...ids].sort(),
    });
  return { deps, clock, players: players.map((p) => p!), ids, kill };
}

describe('party loot modes', () => {
  it('round robin: the loot owner takes turns among the sharers', async () => {
    const p = await party(2);
    await setPartyLootMode(p.deps, { characterId: p.ids[0]!, mode: 'round_robin' });
    const owners = [];
    for (let i = 0; i < 4; i++) owners.push((await p.kill(GANGER)).lootOwnerId);
    const sorted = [...p.ids].sort();
    expect(owners).toEqual([sorted[0], sorted[1], sorted[0], sorted[1]]);
    await expectBalanced(db, p.players);
  });

  it('free for all: party members may take the drops at once, strangers may not', async () => {
    const p = await party(2);
    const stranger = await newPlayer(db);
    const r = await p.kill(BOSS);
    const drop = r.loot.drops[0]!;
    expect(drop).toMatchObject({ ownerCharacterId: p.ids[0], rollUntil: null });
    expect(
      (
        await domainError(
          pickupDrop(p.deps, { characterId: stranger.characterId, dropId: drop.id }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await pickupDrop(p.deps, { characterId: p.ids[1]!, dropId: drop.id });
    await expectBalanced(db, [...p.players, stranger]);
  });

  it('need/greed: held for the roll; the last answer decides with seeded numbers; need beats greed', async () => {
    const p = await party(3);
    await setPartyLootMode(p.deps, {
      characterId: p.ids[0]!,
      mode: 'need_greed',
      threshold: 'common',
    });
    const r = await p.kill(BOSS);
    const drop = r.loot.drops[0]!;
    expect(drop).toMatchObject({ ownerCharacterId: null, rollUntil: p.clock.ms() + LOOT_ROLL_MS });
    // nobody takes it while the roll is open, not even the one who killed it
    expect(
      (await domainError(pickupDrop(p.deps, { characterId: p.ids[0]!, dropId: drop.id })))
        .userMessage,
    ).toBe('Your party is rolling for that.');
    const [a, b, c] = p.ids as [string, string, string];
    expect(
      await chooseLootRoll(p.deps, { characterId: a, dropId: drop.id, choice: 'greed' }),
    ).toBeNull();
    expect(
      await chooseLootRoll(p.deps, { characterId: c, dropId: drop.id, choice: 'pass' }),
    ).toBeNull();
    // answering twice, or rolling on a drop you do not share, is refused
    expect(
      (
        await domainError(
          chooseLootRoll(p.deps, { characterId: a, dropId: drop.id, choice: 'need' }),
        )
      ).code,
    ).toBe('CONFLICT');
    const outsider = await newPlayer(db);
    expect(
      (
        await domainError(
          chooseLootRoll(p.deps, {
            characterId: outsider.characterId,
            dropId: drop.id,
            choice: 'need',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const out = (await chooseLootRoll(p.deps, {
      characterId: b,
      dropId: drop.id,
      choice: 'need',
    }))!;
    expect(out.winnerId).toBe(b);
    expect(out.drop).toMatchObject({ ownerCharacterId: b, rollUntil: null, partyId: null });
    // the numbers replay: drawn from the drop's seed in character-id order, need and greed only
    const rng = seededStream(0, `loot-roll:${drop.id}`);
    const want = [...out.rolls]
      .sort((x, y) => x.characterId.localeCompare(y.characterId))
      .map((e) => (e.choice === 'pass' ? null : rng.int(1, 100)));
    expect(out.rolls.map((e) => e.roll)).toEqual(want);
    expect((await domainError(pickupDrop(p.deps, { characterId: a, dropId: drop.id }))).code).toBe(
      'FORBIDDEN',
    );
    await pickupDrop(p.deps, { characterId: b, dropId: drop.id });
    await expectBalanced(db, [...p.players, outsider]);
  });

  it('need/greed: when time is up the unanswered pass; all passing leaves it to anyone', async () => {
    const p = await party(2);
    await setPartyLootMode(p.deps, {
      characterId: p.ids[0]!,
      mode: 'need_greed',
      threshold: 'common',
    });
    const [d1, d2] = (await p.kill(BOSS)).loot.drops;
    if (!d1) throw new Error('boss dropped nothing');
    await chooseLootRoll(p.deps, { characterId: p.ids[1]!, dropId: d1.id, choice: 'greed' });
    expect(await decideDueLootRolls(p.deps, { zoneId: ZONE })).toEqual([]);
    p.clock.advance(LOOT_ROLL_MS);
    const decided = await decideDueLootRolls(p.deps, { zoneId: ZONE });
    const first = decided.find((o) => o.drop.id === d1.id)!;
    expect(first.winnerId).toBe(p.ids[1]);
    expect(first.rolls.find((e) => e.characterId === p.ids[0])?.choice).toBeNull();
    // decided once: asking again finds nothing
    expect(await decideDueLootRolls(p.deps, { zoneId: ZONE })).toEqual([]);
    if (d2) {
      const second = decided.find((o) => o.drop.id === d2.id)!;
      expect(second).toMatchObject({
        winnerId: null,
        drop: { ownerCharacterId: null, partyId: null },
      });
    }
  });

  it('leader mode: the leader holds what is above the threshold and gives it to a member', async () => {
    const p = await party(2);
    const [lead, member] = p.ids as [string, string];
    await setPartyLootMode(p.deps, { characterId: lead, mode: 'leader', threshold: 'common' });
    expect(
      (await domainError(setPartyLootMode(p.deps, { characterId: member, mode: 'free_for_all' })))
        .code,
    ).toBe('FORBIDDEN');
    const drop = (await p.kill(BOSS, member)).loot.drops[0]!;
    expect(drop.ownerCharacterId).toBe(lead);
    expect(
      (
        await domainError(
          assignLoot(p.deps, { characterId: member, dropId: drop.id, memberId: member }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const given = await assignLoot(p.deps, {
      characterId: lead,
      dropId: drop.id,
      memberId: member,
    });
    expect(given.drop.ownerCharacterId).toBe(member);
    // the member is told, by the leader's name
    const leader = await db.character.findUniqueOrThrow({ where: { id: lead } });
    expect(given.pushes).toEqual([
      expect.objectContaining({
        to: { characters: [member] },
        event: 'loot:given',
        msg: { dropId: drop.id, name: drop.name, from: leader.name },
      }),
    ]);
    await pickupDrop(p.deps, { characterId: member, dropId: drop.id });
    await expectBalanced(db, p.players);
  });

  it('refuses bad input to a roll or an assignment as VALIDATION, writing nothing', async () => {
    const p = await party(2);
    const [lead, member] = p.ids as [string, string];
    await setPartyLootMode(p.deps, { characterId: lead, mode: 'need_greed', threshold: 'common' });
    const rolled = (await p.kill(BOSS)).loot.drops[0]!;
    await setPartyLootMode(p.deps, { characterId: lead, mode: 'leader', threshold: 'common' });
    const held = (await p.kill(BOSS, member)).loot.drops[0]!;
    const dropRow = (id: string) => db.worldDrop.findUniqueOrThrow({ where: { id } });
    const [rolledBefore, heldBefore] = [await dropRow(rolled.id), await dropRow(held.id)];
    for (const bad of [`${member}\u0000`, '\uD800x', '']) {
      const calls = [
        chooseLootRoll(p.deps, { characterId: bad, dropId: rolled.id, choice: 'need' }),
        chooseLootRoll(p.deps, { characterId: member, dropId: bad, choice: 'need' }),
        assignLoot(p.deps, { characterId: bad, dropId: held.id, memberId: member }),
        assignLoot(p.deps, { characterId: lead, dropId: bad, memberId: member }),
        assignLoot(p.deps, { characterId: lead, dropId: held.id, memberId: bad }),
      ];
      for (const call of calls) expect((await domainError(call)).code).toBe('VALIDATION');
    }
    const notAChoice = { characterId: member, dropId: rolled.id, choice: 'yes' as never };
    expect((await domainError(chooseLootRoll(p.deps, notAChoice))).code).toBe('VALIDATION');
    // nobody has chosen, the drops lie as they were
    expect(await db.lootRoll.count({ where: { dropId: rolled.id, choice: { not: null } } })).toBe(
      0,
    );
    expect(await dropRow(rolled.id)).toEqual(rolledBefore);
    expect(await dropRow(held.id)).toEqual(heldBefore);
  });
});
