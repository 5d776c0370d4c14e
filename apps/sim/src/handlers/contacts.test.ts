import { describe, expect, it, vi } from 'vitest';
import { INTERACT_RANGE, TICK_MS, contactById, zoneById } from '@necp/shared';
import { seen } from '../testing/loot-kit';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

const regina = contactById('regina');
const metro = zoneById('watson')?.spawnPoints.find((s) => s.kind === 'metro_station');
if (!regina || !metro) throw new Error('watson needs Regina and a metro station');

const storedDistance = async (characterId: string, to: { x: number; y: number }) => {
  const row = await db.character.findUniqueOrThrow({ where: { id: characterId } });
  return Math.hypot(row.x - to.x, row.y - to.y);
};

describe('contacts over the socket', () => {
  it('appear in snapshots as contact entities and cannot be attacked', async () => {
    const p = await createPlayerAt(db, regina.x + 3, regina.y);
    const { client } = await sim.join(p);
    const contact = (await seen(sim, client)).find((e) => e.templateId === 'regina');
    expect(contact).toMatchObject({ kind: 'contact', name: regina.name, level: 0, health: 0 });
    expect(
      await client.command('combat:use', { ability: 'solo_attack', target: contact?.eid }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_TARGET' } });
  });

  it('walking into INTERACT_RANGE of a contact saves the position at once', async () => {
    const p = await createPlayerAt(db, regina.x, regina.y + INTERACT_RANGE + 1.4);
    const { client } = await sim.join(p);
    for (let seq = 1; seq <= 5; seq++) {
      await client.move({ seq, dx: 0, dy: -1, ms: TICK_MS });
      sim.step();
    }
    // no periodic flush has come due: this is the proximity save
    await vi.waitFor(
      async () =>
        expect(await storedDistance(p.characterId, regina)).toBeLessThanOrEqual(INTERACT_RANGE),
      WAIT,
    );
  });

  it('walking into INTERACT_RANGE of a metro station saves the position at once', async () => {
    const p = await createPlayerAt(db, metro.x + INTERACT_RANGE + 1.4, metro.y);
    const { client } = await sim.join(p);
    for (let seq = 1; seq <= 5; seq++) {
      await client.move({ seq, dx: -1, dy: 0, ms: TICK_MS });
      sim.step();
    }
    await vi.waitFor(
      async () =>
        expect(await storedDistance(p.characterId, metro)).toBeLessThanOrEqual(INTERACT_RANGE),
      WAIT,
    );
  });
});
