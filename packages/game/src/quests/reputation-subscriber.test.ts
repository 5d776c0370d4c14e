import { afterAll, describe, expect, it } from 'vitest';
import type { ReputationChangedMsg } from '@necp/shared';
import { testDb } from '../accounts/test-deps';
import { createLog } from '../core/log';
import { killReputationDeltas, reputationOutboxSubscriber } from './reputation-subscriber';
import { deliver, inbox, killEvent, newPlayer, type Player } from './test-helpers';

const db = testDb(6);
afterAll(() => db.$disconnect());

const standings = async (p: Player) =>
  Object.fromEntries(
    (await db.characterStanding.findMany({ where: { characterId: p.characterId } })).map((s) => [
      s.factionId,
      s.standing,
    ]),
  );

function subscriber() {
  const box = inbox<ReputationChangedMsg>();
  const sub = box.hear(reputationOutboxSubscriber({ log: createLog('t', 'silent') }));
  return { sub, box };
}

describe('reputation subscriber', () => {
  it('kill deltas by rank: the faction loses, its rivals gain round(loss × factor)', () => {
    expect(killReputationDeltas('tyger_claws', 'normal')).toEqual([
      { factionId: 'tyger_claws', delta: -10 },
      { factionId: 'maelstrom', delta: 5 },
      { factionId: 'city_security', delta: 3 },
    ]);
    expect(killReputationDeltas('maelstrom', 'elite')[0]).toEqual({
      factionId: 'maelstrom',
      delta: -25,
    });
    expect(killReputationDeltas('maelstrom', 'boss')).toEqual([
      { factionId: 'maelstrom', delta: -75 },
      { factionId: 'tyger_claws', delta: 38 },
      { factionId: 'city_security', delta: 19 },
    ]);
    expect(killReputationDeltas('no_such_faction', 'boss')).toEqual([]);
  });

  it('every credited killer loses standing with the NPC faction once, told after commit', async () => {
    const [a, b] = [await newPlayer(db), await newPlayer(db)];
    const { sub, box } = subscriber();
    const e = killEvent([a, b], 'tyger_claws_punk', { name: 'Tyger Claws Punk' });
    await deliver(db, sub, e);
    await deliver(db, sub, e); // handed twice: applied once
    for (const p of [a, b]) {
      // −10 Claws; +5 Maelstrom (which spills −2 onto the Claws, −1 onto NCPD); +3 NCPD
      expect(await standings(p)).toEqual({
        tyger_claws: -1012,
        maelstrom: -1995,
        city_security: 2,
      });
      expect(box.to(p)).toEqual([
        {
          source: 'Tyger Claws Punk killed',
          changes: expect.arrayContaining([
            expect.objectContaining({
              factionId: 'tyger_claws',
              delta: -12,
              standing: -1012,
              tier: 'unfriendly',
            }),
          ]),
        },
      ]);
      const history = await db.reputationEvent.findMany({ where: { characterId: p.characterId } });
      expect(history.find((h) => h.factionId === 'tyger_claws')).toMatchObject({
        reason: 'kill',
        ref: 'tyger_claws_punk',
      });
    }
  });

  it('skips deleted killers and unknown templates without failing the event', async () => {
    const gone = await newPlayer(db);
    await db.character.update({ where: { id: gone.characterId }, data: { deletedAt: new Date() } });
    const { sub, box } = subscriber();
    await deliver(db, sub, killEvent([gone], 'tyger_claws_punk'));
    await deliver(db, sub, killEvent([gone], 'no_such_npc'));
    expect(await standings(gone)).toEqual({});
    expect(box.sent).toEqual([]);
  });
});
