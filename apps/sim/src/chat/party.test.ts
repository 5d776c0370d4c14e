// Parties through the real sim socket: invite, accept, party chat to members only,
// an expired invitation, leave (a party of one is none), and a party found again on
// reconnecting.
import { describe, expect, it, onTestFinished } from 'vitest';
import { PARTY_INVITE_MS } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { sendPartyVitals } from './party-vitals';
import { awardKill, partyLootPushes } from '@necp/game';
import { NPC_TEMPLATES_BY_ID, type NpcTemplate } from '@necp/shared';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function joined(x: number, y: number) {
  const p = await createPlayerAt(db, x, y);
  const { client } = await sim.join(p);
  expect(await client.next('party:update')).toEqual({ party: null });
  return { ...p, client, name: p.character.name };
}

describe('party over the sim socket', () => {
  it('invite → accept → party chat for members only → leave ends a party of two', async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    const c = await joined(80, 130);
    expect(await a.client.command('party:invite', { name: b.name })).toEqual({
      ok: true,
      data: { name: b.name },
    });
    const invited = await b.client.next('party:invited');
    expect(invited).toMatchObject({ fromId: a.characterId, from: a.name });
    const accepted = await b.client.command('party:accept', { inviteId: invited.inviteId });
    expect(accepted).toMatchObject({ ok: true, data: { leaderId: a.characterId } });
    for (const cl of [a.client, b.client])
      expect((await cl.next('party:update')).party?.members.map((m) => m.id)).toEqual([
        a.characterId,
        b.characterId,
      ]);

    await a.client.command('chat:send', { channel: 'party', text: 'pull the punks' });
    expect(await b.client.next('chat:message')).toMatchObject({
      channel: 'party',
      text: 'pull the punks',
    });
    await c.client.sync();
    expect(c.client.take('chat:message')).toEqual([]);
    expect(
      await c.client.command('chat:send', { channel: 'party', text: 'let me in' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'You are not in a party.' },
    });

    // a sixth is not the point here: an expired invitation is refused
    await a.client.command('party:invite', { name: c.name });
    const late = await c.client.next('party:invited');
    sim.clock.advance(PARTY_INVITE_MS + 1);
    expect(await c.client.command('party:accept', { inviteId: late.inviteId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That invitation is no longer valid.' },
    });

    await b.client.command('party:leave', {});
    expect(await b.client.next('party:update')).toEqual({ party: null });
    expect(await a.client.next('party:update')).toEqual({ party: null });
    await a.client
      .command('chat:send', { channel: 'party', text: 'anyone?' })
      .then((r) => expect(r).toMatchObject({ ok: false }));
  });

  it('a member who reconnects is still in the party (it lives in the database)', async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    await a.client.command('party:invite', { name: b.name });
    const inv = await b.client.next('party:invited');
    await b.client.command('party:accept', { inviteId: inv.inviteId });
    b.client.close();
    const { client } = await sim.join(b);
    expect((await client.next('party:update')).party?.members).toHaveLength(2);
    await a.client.command('chat:send', { channel: 'party', text: 'welcome back' });
    expect(await client.next('chat:message')).toMatchObject({ text: 'welcome back' });
  });

  it("party frames: members get each other's health and position; outsiders get nothing", async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    const c = await joined(80, 130);
    // not in a party: no vitals at all
    expect(sendPartyVitals(sim.server.pushes, sim.server.sessions)).toBe(0);
    await a.client.command('party:invite', { name: b.name });
    const inv = await b.client.next('party:invited');
    await b.client.command('party:accept', { inviteId: inv.inviteId });
    await a.client.next('party:update');
    await b.client.next('party:update');

    expect(sendPartyVitals(sim.server.pushes, sim.server.sessions)).toBe(1);
    for (const cl of [a.client, b.client]) {
      const msg = await cl.next('party:vitals');
      const byId = Object.fromEntries(msg.members.map((m) => [m.id, m]));
      expect(Object.keys(byId).sort()).toEqual([a.characterId, b.characterId].sort());
      expect(byId[b.characterId]).toMatchObject({ zoneId: 'watson', x: 60, y: 120, dead: false });
      expect(byId[a.characterId]!.health).toBeGreaterThan(0);
      expect(byId[a.characterId]!.maxHealth).toBeGreaterThanOrEqual(byId[a.characterId]!.health);
    }
    await c.client.sync();
    expect(c.client.take('party:vitals')).toEqual([]);

    // a member who left the party is reported no more
    await b.client.command('party:leave', {});
    await a.client.next('party:update');
    expect(sendPartyVitals(sim.server.pushes, sim.server.sessions)).toBe(0);
  });

  it('need/greed over the socket: the party is asked, answers, and both see who won', async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    await a.client.command('party:invite', { name: b.name });
    const inv = await b.client.next('party:invited');
    await b.client.command('party:accept', { inviteId: inv.inviteId });
    await a.client.next('party:update');
    await b.client.next('party:update');
    // only the leader sets the mode; everyone sees it
    expect(await b.client.command('party:loot_mode', { mode: 'need_greed' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await a.client.command('party:loot_mode', { mode: 'need_greed', threshold: 'common' }),
    ).toEqual({ ok: true });
    expect((await b.client.next('party:update')).party).toMatchObject({
      lootMode: 'need_greed',
      lootThreshold: 'common',
    });
    await a.client.next('party:update');

    const boss = NPC_TEMPLATES_BY_ID.get('cyberpsycho_kabuki') as NpcTemplate;
    const result = await awardKill(sim.deps, {
      // a far corner of Westbrook: every sim test boot loads the zones' drops, and these
      // must not walk into another test's view (they are deleted at the end too)
      zoneId: 'westbrook',
      killKey: `life-${a.characterId}`,
      npc: {
        templateId: boss.id,
        name: boss.name,
        level: boss.level,
        rank: boss.rank,
        lootTable: boss.lootTable,
        x: 50,
        y: 115,
      },
      contributors: [{ characterId: a.characterId, damage: 900 }],
      nearby: [a.characterId, b.characterId].sort(),
    });
    const zone = sim.server.zones.get('westbrook')!;
    for (const drop of result.loot.drops) zone.submit({ k: 'drop_add', drop });
    onTestFinished(async () => {
      await sim.deps.db.worldDrop.deleteMany({
        where: { id: { in: result.loot.drops.map((d) => d.id) } },
      });
    });
    sim.server.pushes(partyLootPushes(result));
    const start = await b.client.next('loot:roll_start');
    expect(start).toMatchObject({
      dropId: result.loot.drops[0]!.id,
      name: result.loot.drops[0]!.name,
    });
    await a.client.next('loot:roll_start');

    // a malformed answer is refused
    expect(
      await b.client.command('loot:roll', { dropId: start.dropId, choice: 'maybe' }),
    ).toMatchObject({ ok: false });
    expect(await a.client.command('loot:roll', { dropId: start.dropId, choice: 'greed' })).toEqual({
      ok: true,
    });
    expect(await b.client.command('loot:roll', { dropId: start.dropId, choice: 'need' })).toEqual({
      ok: true,
    });
    for (const cl of [a.client, b.client]) {
      let res = await cl.next('loot:roll_result');
      // other drops of the boss may be decided first only by their own answers: this one is ours
      while (res.dropId !== start.dropId) res = await cl.next('loot:roll_result');
      expect(res).toMatchObject({ winnerId: b.characterId, winner: b.name });
      expect(res.rolls.map((r) => r.choice).sort()).toEqual(['greed', 'need']);
    }
  });
});
