import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { appendCombatLog, readCombatLog, type CombatLogRow } from './combat-log';

const db = testDb(4);
const deps = { db };
afterAll(() => db.$disconnect());

const T0 = Date.UTC(2026, 5, 1, 12);
const row = (
  o: Partial<CombatLogRow> & Pick<CombatLogRow, 'sourceId' | 'targetId'>,
): CombatLogRow => ({
  at: new Date(T0),
  zoneId: 'watson',
  kind: 'hit',
  sourceKind: 'player',
  sourceName: 'src',
  targetKind: 'npc',
  targetName: 'tgt',
  abilityId: 'solo_strike',
  amount: 12,
  crit: false,
  damageType: 'physical',
  targetHealth: 30,
  ...o,
});

describe('appendCombatLog / readCombatLog', () => {
  it('appends rows and reads them newest first, by character as source or target', async () => {
    const me = uniq('char-');
    const npc = `npc:${uniq('spawn')}#0`;
    const n = await appendCombatLog(deps, [
      row({ sourceId: me, targetId: npc, at: new Date(T0) }),
      row({ sourceId: npc, targetId: me, at: new Date(T0 + 1000), kind: 'miss', amount: 0 }),
      row({ sourceId: me, targetId: npc, at: new Date(T0 + 2000), kind: 'death', abilityId: null }),
      row({ sourceId: uniq('other-'), targetId: npc, at: new Date(T0 + 3000) }),
    ]);
    expect(n).toBe(4);
    expect(await appendCombatLog(deps, [])).toBe(0);

    const page = await readCombatLog(deps, { characterId: me });
    expect(page.items.map((e) => [e.kind, e.at.getTime() - T0])).toEqual([
      ['death', 2000],
      ['miss', 1000],
      ['hit', 0],
    ]);
    expect(page.items[2]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: new Date(T0),
      zoneId: 'watson',
      kind: 'hit',
      sourceKind: 'player',
      sourceId: me,
      sourceName: 'src',
      targetKind: 'npc',
      targetId: npc,
      targetName: 'tgt',
      abilityId: 'solo_strike',
      amount: 12,
      crit: false,
      damageType: 'physical',
      targetHealth: 30,
    });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by zone and time window, and pages with a cursor through equal timestamps', async () => {
    const me = uniq('char-');
    const zone = 'westbrook';
    const rows = Array.from({ length: 7 }, (_, i) =>
      row({
        sourceId: me,
        targetId: 'x',
        zoneId: zone,
        at: new Date(T0 + Math.floor(i / 2) * 1000),
        amount: i,
      }),
    );
    await appendCombatLog(deps, [...rows, row({ sourceId: me, targetId: 'x', zoneId: 'watson' })]);

    const seen: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const p = await readCombatLog(deps, { characterId: me, zoneId: zone, limit: 3, cursor });
      seen.push(...p.items.map((e) => e.amount));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    // newest first; rows sharing a timestamp come newest id first, none lost or repeated
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);

    const window = await readCombatLog(deps, {
      characterId: me,
      zoneId: zone,
      since: new Date(T0 + 1000),
      until: new Date(T0 + 2000),
    });
    expect(window.items.map((e) => e.amount)).toEqual([5, 4, 3, 2]);
    expect((await readCombatLog(deps, { characterId: me, zoneId: 'watson' })).items).toHaveLength(
      1,
    );
  });

  it('finds a character by name, and refuses an unknown name or bad input', async () => {
    const u = await createTestUser(db);
    const c = await createTestCharacter(db, u.id);
    await appendCombatLog(deps, [row({ sourceId: 'npc:a#1', targetId: c.id })]);
    const got = await readCombatLog(deps, { characterName: c.name.toUpperCase() });
    expect(got.items.map((e) => e.targetId)).toEqual([c.id]);
    await expectDomainError(readCombatLog(deps, { characterName: 'Nobody0000x' }), 'NOT_FOUND');
    for (const bad of [
      { limit: 0 },
      { limit: 201 },
      { cursor: 'not-a-cursor' },
      { since: new Date(T0 + 1), until: new Date(T0) },
    ])
      await expectDomainError(readCombatLog(deps, bad), 'VALIDATION');
  });

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    const me = uniq('char-');
    await appendCombatLog(deps, [row({ sourceId: me, targetId: 'x' })]);
    const [entry] = (await readCombatLog(deps, { characterId: me })).items;
    if (!entry) throw new Error('no row');
    const id = BigInt(entry.id);
    await expect(
      db.combatLogEntry.update({ where: { id }, data: { amount: 9999 } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.combatLogEntry.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(
      db.$executeRaw`DELETE FROM "CombatLogEntry" WHERE "sourceId" = ${me}`,
    ).rejects.toThrow(/append-only/);
    expect((await db.combatLogEntry.findUniqueOrThrow({ where: { id } })).amount).toBe(12);
  });
});
