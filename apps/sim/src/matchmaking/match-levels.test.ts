// Level ranges through the real sim socket (docs/matchmaking.md "Level ranges"): a
// level-1 asking for the Arasaka Data Vault (levels 14–30) is refused with the range
// in the ack and stays idle; a leader whose party holds a member out of range is told
// who; in range, the same request queues.
import { expect, it } from 'vitest';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { createPlayerAt, type TestSim } from '../testing/test-sim';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function joined(level: number) {
  const p = await createPlayerAt(db, 40, 110, { level });
  const { client } = await sim.join(p);
  await client.next('match:status');
  return { ...p, client, name: p.character.name };
}

it('a queue out of your levels is refused with the reason; in range it queues', async () => {
  const newbie = await joined(1);
  expect(await newbie.client.command('match:queue', { queue: 'dungeon', role: 'damage' })).toEqual({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: 'Arasaka Data Vault is for levels 14–30: you are level 1.',
    },
  });
  expect(await newbie.client.command('match:status', {})).toMatchObject({
    ok: true,
    data: { status: { state: 'idle' } },
  });
  expect(await newbie.client.command('match:queue', { queue: 'raid', role: 'tank' })).toMatchObject(
    { ok: false, error: { code: 'FORBIDDEN' } },
  );

  const leader = await joined(22);
  const member = await joined(3);
  const party = await db.party.create({ data: { leaderId: leader.characterId } });
  await db.partyMember.createMany({
    data: [
      { partyId: party.id, characterId: leader.characterId, joinedAt: new Date(1) },
      { partyId: party.id, characterId: member.characterId, joinedAt: new Date(2) },
    ],
  });
  const request = {
    queue: 'dungeon',
    role: 'tank',
    partyRoles: { [member.characterId]: 'damage' },
  } as const;
  expect(await leader.client.command('match:queue', request)).toEqual({
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `Arasaka Data Vault is for levels 14–30: ${member.name} (level 3) is not.`,
    },
  });
  await db.character.update({ where: { id: member.characterId }, data: { level: 15 } });
  expect(await leader.client.command('match:queue', request)).toMatchObject({
    ok: true,
    data: { status: { state: 'queued', queue: 'dungeon' } },
  });
});
