import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { testDb, testDeps } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { markApplied } from './apply-trigger';
import { cleanUpPastPeriods } from './daily-cleanup';
import { newPlayer, questRow, storeRun } from './test-helpers';

const db = testDb(6);
afterAll(() => db.$disconnect());

describe('daily cleanup', () => {
  it('deletes finished runs, stock, keys and receipts of past periods, fails what ran out, and is idempotent', async () => {
    const now = Date.parse('2026-04-08T00:05:00Z'); // a Wednesday
    const deps = testDeps(db, { clock: new FakeClock(now) });
    const p = await newPlayer(db);
    // daily: yesterday's finished runs go, yesterday's unfinished one fails at the reset, today's stays
    await storeRun(db, p, 'q_ncpd_patrol', { state: 'completed', periodKey: 'd:2026-04-06' });
    await storeRun(db, p, 'q_ncpd_patrol', {
      state: 'active',
      periodKey: 'd:2026-04-07',
      acceptedAt: new Date('2026-04-07T20:00:00Z'),
    });
    await storeRun(db, p, 'q_ncpd_patrol', {
      state: 'active',
      periodKey: 'd:2026-04-08',
      acceptedAt: new Date(now),
    });
    // one-time quests are never deleted; an overdue timed one fails by timer
    await storeRun(db, p, 'q_punk_problem', { state: 'completed' });
    await storeRun(db, p, 'q_scavenger_sweep', {
      state: 'active',
      acceptedAt: new Date('2026-04-07T23:50:00Z'),
      deadline: new Date('2026-04-08T00:04:59Z'),
    });
    const vendor = uniq('test_vendor_').replace(/[^a-z0-9_]/g, '');
    for (const periodKey of ['d:2026-04-07', 'd:2026-04-08'])
      await db.vendorStock.create({
        data: { vendorId: vendor, templateId: 'stim_basic', periodKey, sold: 3 },
      });
    await db.$transaction(async (tx) => {
      await markApplied(tx, p.characterId, 'old-key', new Date(now - 31 * 86_400_000));
      await markApplied(tx, p.characterId, 'recent-key', new Date(now - 29 * 86_400_000));
    });
    // idempotency receipts (core/command-receipt.ts) go after 30 days too
    for (const [key, days] of [
      ['old-receipt', 31],
      ['recent-receipt', 29],
    ] as const)
      await db.commandReceipt.create({
        data: {
          characterId: p.characterId,
          key,
          terms: '["vendor.buy",{}]',
          outcome: { eddiesDelta: -1 },
          at: new Date(now - days * 86_400_000),
        },
      });

    const scope = { characterIds: [p.characterId], vendorIds: [vendor] };
    expect(await cleanUpPastPeriods(deps, scope)).toEqual({
      failed: 2,
      questRows: 1,
      vendorStock: 1,
      appliedEvents: 1,
      commandReceipts: 1,
    });
    expect(await questRow(db, p, 'q_ncpd_patrol', 'd:2026-04-06')).toBeNull();
    expect(await questRow(db, p, 'q_ncpd_patrol', 'd:2026-04-07')).toMatchObject({
      state: 'failed',
      failReason: 'reset',
      failedAt: new Date('2026-04-08T00:00:00Z'),
    });
    expect((await questRow(db, p, 'q_ncpd_patrol', 'd:2026-04-08'))?.state).toBe('active');
    expect((await questRow(db, p, 'q_punk_problem'))?.state).toBe('completed');
    expect(await questRow(db, p, 'q_scavenger_sweep')).toMatchObject({
      state: 'failed',
      failReason: 'timer',
      failedAt: new Date('2026-04-08T00:04:59Z'),
    });
    expect(
      (await db.vendorStock.findMany({ where: { vendorId: vendor } })).map((s) => s.periodKey),
    ).toEqual(['d:2026-04-08']);
    expect(
      (await db.questEventApplied.findMany({ where: { characterId: p.characterId } })).map(
        (k) => k.eventKey,
      ),
    ).toEqual(['recent-key']);
    expect(
      (await db.commandReceipt.findMany({ where: { characterId: p.characterId } })).map(
        (r) => r.key,
      ),
    ).toEqual(['recent-receipt']);

    expect(await cleanUpPastPeriods(deps, scope)).toEqual({
      failed: 0,
      questRows: 0,
      vendorStock: 0,
      appliedEvents: 0,
      commandReceipts: 0,
    });
    // the next day's job removes the run that failed at the reset
    deps.clock.advance(86_400_000);
    expect(await cleanUpPastPeriods(deps, scope)).toMatchObject({ failed: 1, questRows: 1 });
    expect(await questRow(db, p, 'q_ncpd_patrol', 'd:2026-04-07')).toBeNull();
    expect(await questRow(db, p, 'q_ncpd_patrol', 'd:2026-04-08')).toMatchObject({
      state: 'failed',
      failReason: 'reset',
    });
  });
});
