// Leaving a dungeon as a member of a premade party (docs/instances.md "The group's
// party"), over real sockets on one process (memory queues, PostgreSQL): the leave
// is always answered — the client here drops its connection the moment
// instance:transfer arrives, as the browser does — and nobody leaves the party they
// came with: a pair that went in as it is is still a pair after both left; in a pair
// filled up with three solos the pair's party is the group's, a pair member who
// leaves stays in it, a stranger who leaves is out.
import { expect, it } from 'vitest';
import { instanceZoneId, type GroupRole, type InstanceLeaveResult } from '@necp/shared';
import { partyOf } from '@necp/game';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { createPlayerAt, type TestSim } from '../testing/test-sim';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function inWatson(i: number) {
  // within the vault's levels (14–30)
  const p = await createPlayerAt(db, 100 + i * 4, 110, { level: 20 });
  const { client } = await sim.join(p);
  await client.next('match:status');
  return { ...p, client };
}
type P = Awaited<ReturnType<typeof inWatson>>;

async function pair() {
  const [lead, mate] = [await inWatson(0), await inWatson(1)];
  const party = await db.party.create({ data: { leaderId: lead.characterId } });
  await db.partyMember.createMany({
    data: [
      { partyId: party.id, characterId: lead.characterId, joinedAt: new Date(1) },
      { partyId: party.id, characterId: mate.characterId, joinedAt: new Date(2) },
    ],
  });
  return { lead, mate, partyId: party.id };
}

/** The matcher forms their match, all accept, each is sent in and reconnects inside. */
async function goIn(players: P[]): Promise<P[]> {
  expect((await sim.server.matchmaking.tick()).formed).toHaveLength(1);
  let matchId = '';
  for (const p of players) matchId = (await p.client.next('match:found')).matchId;
  for (const p of players)
    expect(await p.client.command('match:answer', { matchId, accept: true })).toMatchObject({
      ok: true,
    });
  const inside: P[] = [];
  for (const p of players) {
    expect(await p.client.next('instance:transfer')).toMatchObject({ direction: 'enter' });
    p.client.close();
    const { client, welcome } = await sim.join(p);
    expect(welcome.zone.id).toBe(instanceZoneId('dungeon-arasaka-vault', matchId));
    inside.push({ ...p, client });
  }
  return inside;
}

/** instance:leave as the browser sends it: it drops the connection on instance:transfer. */
async function leaveLikeTheBrowser(p: P) {
  const socket = p.client.socket;
  socket.on('instance:transfer', () => socket.disconnect());
  return (await socket.timeout(5_000).emitWithAck('instance:leave', {})) as {
    ok: boolean;
    data?: InstanceLeaveResult;
  };
}

const membersOf = async (id: string) =>
  (await partyOf({ db }, id))?.members.map((m) => m.id).sort() ?? null;

it('a pair that went in as it is: both leaves are answered, and the pair is still a party', async () => {
  const { lead, mate, partyId } = await pair();
  expect(
    await lead.client.command('match:queue', {
      queue: 'dungeon',
      role: 'tank',
      partyRoles: { [mate.characterId]: 'damage' },
      premade: true,
    }),
  ).toMatchObject({ ok: true });
  const [leadIn, mateIn] = (await goIn([lead, mate])) as [P, P];
  const both = [lead.characterId, mate.characterId].sort();
  expect((await partyOf({ db }, mate.characterId))?.id).toBe(partyId);

  expect(await leaveLikeTheBrowser(mateIn)).toEqual({
    ok: true,
    data: { zoneName: 'Watson', penaltyMs: 60_000 },
  });
  expect((await partyOf({ db }, mate.characterId))?.id).toBe(partyId);
  expect(await membersOf(lead.characterId)).toEqual(both);

  expect(await leaveLikeTheBrowser(leadIn)).toEqual({
    ok: true,
    data: { zoneName: 'Watson', penaltyMs: 60_000 },
  });
  expect((await partyOf({ db }, lead.characterId))?.id).toBe(partyId);
  expect(await membersOf(mate.characterId)).toEqual(both);
});

it('a pair filled up with solos: its party is the group’s; a pair member who leaves stays, a stranger goes', async () => {
  const { lead, mate, partyId } = await pair();
  expect(
    await lead.client.command('match:queue', {
      queue: 'dungeon',
      role: 'tank',
      partyRoles: { [mate.characterId]: 'damage' },
    }),
  ).toMatchObject({ ok: true });
  const solos: P[] = [];
  for (const [i, role] of (['support', 'damage', 'damage'] as GroupRole[]).entries()) {
    const p = await inWatson(2 + i);
    expect(await p.client.command('match:queue', { queue: 'dungeon', role })).toMatchObject({
      ok: true,
    });
    solos.push(p);
  }
  const [leadIn, mateIn, supIn, d1In] = (await goIn([lead, mate, ...solos])) as [P, P, P, P, P];
  const group = await partyOf({ db }, supIn.characterId);
  expect(group).toMatchObject({ id: partyId, leaderId: lead.characterId, lootMode: 'need_greed' });
  expect(group!.members).toHaveLength(5);

  expect(await leaveLikeTheBrowser(mateIn)).toMatchObject({ ok: true });
  expect((await partyOf({ db }, mate.characterId))?.id).toBe(partyId);
  expect(await leaveLikeTheBrowser(d1In)).toMatchObject({ ok: true });
  expect(await partyOf({ db }, d1In.characterId)).toBeNull();
  expect(await membersOf(leadIn.characterId)).toHaveLength(4);
  expect(await membersOf(leadIn.characterId)).toContain(mate.characterId);
});
