/**
 * Issue 10, item 5: NUL and lone UTF-16 surrogates in item ids reached the database
 * from item:use (a 500-style INTERNAL ack and a stack in the log). They are refused
 * by the payload schema (VALIDATION ack), nothing is spent, and the sim keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { grantItem } from '@necp/game';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

const BAD_IDS = [
  '\u0000',
  'x\u0000',
  'a'.repeat(20) + '\u0000',
  '\uD83D',
  'x\uDE42',
  '\uDE42\uD83D',
];

describe('bad strings in socket payloads', () => {
  it('item:use and inventory:drop ack VALIDATION for NUL and lone surrogates; the sim stays up', async () => {
    const p = await createPlayerAt(db, 40, 110);
    const [stim] = await grantItem(
      { db },
      { characterId: p.characterId, templateId: 'stim_basic', quantity: 3, reason: 'admin' },
    );
    const { client } = await sim.join(p);
    for (const itemId of BAD_IDS) {
      for (const event of ['item:use', 'inventory:drop'] as const) {
        expect(
          await client.command(event, { itemId }),
          `${event} ${JSON.stringify(itemId)}`,
        ).toEqual({
          ok: false,
          error: { code: 'VALIDATION', message: expect.any(String) },
        });
      }
    }
    expect((await client.ping(7)).ok).toBe(true);
    expect(client.socket.connected).toBe(true);
    expect((await db.item.findUnique({ where: { id: stim!.itemId } }))?.quantity).toBe(3);
  });
});
