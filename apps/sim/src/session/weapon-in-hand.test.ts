// The weapon in a character's hand is part of how others see it (issue 27: figures
// draw it): in the welcome and in others' descriptions as the item template, and when
// the hand changes (an equip reaches the sim as a stats push) whoever sees the
// character gets it described again, and its own client hears it in char:stats.
import { describe, expect, it } from 'vitest';
import { equipItem, grantItem } from '@necp/game';
import { seen } from '../testing/loot-kit';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function wield(p: Awaited<ReturnType<typeof createPlayerAt>>, templateId: string) {
  const [placed] = await grantItem(
    { db },
    { characterId: p.characterId, templateId, quantity: 1, reason: 'admin' },
  );
  await equipItem({ db }, { characterId: p.characterId, itemId: placed!.itemId });
}

describe('the weapon in hand', () => {
  it('is in the welcome, in what others see, and described again when it changes', async () => {
    const a = await createPlayerAt(db, 80, 300);
    const b = await createPlayerAt(db, 83, 301);
    await wield(a, 'pistol_unity');
    const ja = await sim.join(a);
    expect(ja.welcome.self.weapon).toBe('pistol_unity');
    expect(ja.welcome.self.origin).toBe(a.character.origin);
    const cb = (await sim.join(b)).client;
    const first = (await seen(sim, cb)).find((e) => e.name === a.character.name);
    expect(first).toMatchObject({ weapon: 'pistol_unity', origin: a.character.origin });
    // B holds nothing: no weapon in its description
    const cc = (await sim.join(await createPlayerAt(db, 81, 302))).client;
    expect((await seen(sim, cc)).find((e) => e.name === b.character.name)?.weapon).toBeUndefined();

    // a knife into the main hand: the sim hears it as a stats push
    await wield(a, 'knife_combat');
    sim.server.pushes([{ kind: 'stats', character: a.characterId }]);
    await expect.poll(async () => (await ja.client.next('char:stats')).weapon).toBe('knife_combat');
    const again = (await seen(sim, cb)).filter((e) => e.eid === first!.eid);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ weapon: 'knife_combat' });
    // the same stats again change nothing others see
    sim.server.pushes([{ kind: 'stats', character: a.characterId }]);
    await ja.client.next('char:stats');
    expect((await seen(sim, cb)).filter((e) => e.eid === first!.eid)).toEqual([]);
  });
});
