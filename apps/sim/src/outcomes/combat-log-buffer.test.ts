import { afterAll, describe, expect, it } from 'vitest';
import { createLog, type CombatLogRow } from '@necp/game';
import { testDb } from '../testing/test-db';
import { CombatLogBuffer } from './combat-log-buffer';
import { GIVE_UP_AFTER_ATTEMPTS } from './write-policy';

const db = testDb(2);
afterAll(() => db.$disconnect());

const row = (zoneId: string, amount: number): CombatLogRow => ({
  at: new Date(),
  zoneId,
  kind: 'hit',
  sourceKind: 'npc',
  sourceId: 'npc-1',
  sourceName: 'Ganger',
  targetKind: 'npc',
  targetId: 'npc-2',
  targetName: 'Drone',
  amount,
});

describe('CombatLogBuffer (write-policy.ts: a growing buffer of no value)', () => {
  it('retries a batch PostgreSQL refuses at each flush, gives it up after the policy’s attempts, then writes again', async () => {
    const zone = `zone-${crypto.randomUUID()}`;
    const buffer = new CombatLogBuffer({ db }, createLog('t', 'silent'));
    // an amount past a 32-bit integer: PostgreSQL refuses the whole statement
    buffer.push(row(zone, 2 ** 40));
    for (let i = 1; i < GIVE_UP_AFTER_ATTEMPTS; i++) {
      await buffer.flush();
      expect(buffer.size, `kept after failure ${i}`).toBe(1);
    }
    await buffer.flush();
    expect(buffer.size).toBe(0);
    expect(buffer.dropped).toBe(1);

    buffer.push(row(zone, 7));
    await buffer.flush();
    const written = await db.combatLogEntry.findMany({ where: { zoneId: zone } });
    expect(written.map((r) => r.amount)).toEqual([7]);
  });
});
