import { afterAll, describe, expect, it } from 'vitest';
import { QuestSchema, type Quest, type QuestInput, type QuestUpdateMsg } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { createLog } from '../core/log';
import { acceptQuest } from './accept-quest';
import type { QuestContext } from './context';
import { getQuestLog } from './quest-log';
import type { QuestRow } from './quest-rows';
import { questOutboxSubscriber } from './quest-subscriber';
import { settleRow } from './settle';
import { questStatus } from './status';
import { deliver, inbox, killEvent, playerAt, questRow } from './test-helpers';
import { turnInQuest } from './turn-in-quest';

const db = testDb(8);
afterAll(() => db.$disconnect());

const at = (iso: string) => new Date(iso);
const DAILY = 'q_ncpd_patrol';

describe('daily reset at 00:00 UTC (q_ncpd_patrol)', () => {
  it('done at 23:59:59.999 is done until midnight, and available again at 00:00', async () => {
    const deps = testDeps(db, { clock: new FakeClock(Date.parse('2026-03-10T23:59:59.998Z')) });
    const p = await playerAt(db, 'sgt_han', { level: 2 });
    const box = inbox<QuestUpdateMsg>();
    const sub = box.hear(
      questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }),
    );
    const accept = () => acceptQuest(deps, { ...p.ref, questId: DAILY, contactId: 'sgt_han' });

    const r = await accept();
    expect(r.quest).toMatchObject({
      status: 'active',
      repeat: 'daily',
      resetsAt: Date.parse('2026-03-11T00:00:00Z'),
    });
    for (let i = 0; i < 8; i++) await deliver(db, sub, killEvent([p], 'maelstrom_ganger'));
    deps.clock.set(at('2026-03-10T23:59:59.999Z'));
    await turnInQuest(deps, { ...p.ref, questId: DAILY, contactId: 'sgt_han' });
    expect((await questRow(db, p, DAILY, 'd:2026-03-10'))?.state).toBe('completed');
    await expectDomainError(
      accept(),
      'INVALID_STATE',
      'Done for today — it resets at midnight UTC',
    );
    let log = await getQuestLog(deps, p.ref);
    expect(log.repeatables.find((q) => q.id === DAILY)?.status).toBe('completed');
    expect(log.nextDailyReset).toBe(Date.parse('2026-03-11T00:00:00Z'));

    deps.clock.set(at('2026-03-11T00:00:00.000Z'));
    log = await getQuestLog(deps, p.ref);
    expect(log.repeatables.find((q) => q.id === DAILY)?.status).toBe('available');
    expect(log.markers.sgt_han).toBe('!');
    expect((await accept()).quest.status).toBe('active');
    expect((await questRow(db, p, DAILY, 'd:2026-03-11'))?.state).toBe('active');
    // yesterday's completion stays as it was
    expect((await questRow(db, p, DAILY, 'd:2026-03-10'))?.state).toBe('completed');
  });

  it("an unfinished daily fails with 'reset' at midnight; its kills do not carry over", async () => {
    const deps = testDeps(db, { clock: new FakeClock(Date.parse('2026-03-12T23:00:00Z')) });
    const p = await playerAt(db, 'sgt_han', { level: 2 });
    const box = inbox<QuestUpdateMsg>();
    const sub = box.hear(
      questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }),
    );
    await acceptQuest(deps, { ...p.ref, questId: DAILY, contactId: 'sgt_han' });
    for (let i = 0; i < 3; i++) await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));

    deps.clock.set(at('2026-03-12T23:59:59.999Z'));
    let log = await getQuestLog(deps, p.ref);
    expect(log.active.map((q) => [q.id, q.status])).toEqual([[DAILY, 'active']]);

    deps.clock.set(at('2026-03-13T00:00:00.000Z'));
    log = await getQuestLog(deps, p.ref);
    expect(log.active).toEqual([]);
    expect(log.failed.map((q) => [q.id, q.failReason])).toEqual([[DAILY, 'reset']]);
    expect(log.repeatables.find((q) => q.id === DAILY)?.status).toBe('available');

    // the next write persists it; the kill has no run of today to count for
    box.sent.length = 0;
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    expect(await questRow(db, p, DAILY, 'd:2026-03-12')).toMatchObject({
      state: 'failed',
      failReason: 'reset',
      failedAt: at('2026-03-13T00:00:00Z'),
      progress: { hostiles: 3 },
    });
    expect(box.to(p)).toEqual([
      expect.objectContaining({ questId: DAILY, kind: 'failed', reason: 'reset' }),
    ]);
    const again = await acceptQuest(deps, { ...p.ref, questId: DAILY, contactId: 'sgt_han' });
    expect(again.quest.objectives[0]?.progress).toBe(0);
    expect((await getQuestLog(deps, p.ref)).failed).toEqual([]);
  });
});

// The weekly boundary on the pure status rules, with a quest built here (the
// integration test with shipped content is at the end of this file).
const weekly: Quest = QuestSchema.parse({
  id: 'q_test_weekly',
  title: 'Weekly test',
  summary: 'A weekly quest built by the test.',
  description: 'Only for checking the Monday 00:00 UTC boundary.',
  completion: 'See you next week.',
  zoneId: 'watson',
  level: 1,
  giverId: 'sgt_han',
  turnInId: 'sgt_han',
  repeat: 'weekly',
  objectives: [
    { id: 'k', kind: 'kill', label: 'Kills', npcTemplateIds: ['tyger_claws_punk'], count: 3 },
  ],
  rewards: { xp: 10, eddies: 0 },
} satisfies QuestInput);

const runOf = (o: Partial<QuestRow>): QuestRow => ({
  id: 'r1',
  characterId: 'c1',
  questId: weekly.id,
  periodKey: 'w:2026-03-09',
  state: 'active',
  progress: {},
  acceptedAt: at('2026-03-10T12:00:00Z'),
  deadline: null,
  readyAt: null,
  completedAt: null,
  failedAt: null,
  failReason: null,
  attempts: 1,
  rewardChoice: null,
  ...o,
});

const ctxAt = (now: Date, rows: QuestRow[]): QuestContext => ({
  characterId: 'c1',
  level: 1,
  class: 'solo',
  attributes: { body: 5, reflexes: 5, technical: 5, intelligence: 5, cool: 5 },
  flags: {},
  standings: {},
  rows: rows.map((r) => settleRow(r, weekly, now)),
  now,
});

describe('weekly reset at Monday 00:00 UTC (pure rules)', () => {
  const sunday = at('2026-03-15T23:59:00Z'); // a Sunday
  const monday = at('2026-03-16T00:00:00Z');

  it('a run completed this week is completed until Sunday 23:59 and available from Monday 00:00', () => {
    const done = runOf({ state: 'completed', completedAt: at('2026-03-11T08:00:00Z') });
    expect(questStatus(weekly, ctxAt(sunday, [done]))).toBe('completed');
    expect(questStatus(weekly, ctxAt(monday, [done]))).toBe('available');
  });

  it("an unfinished weekly is active on Sunday 23:59 and failed with 'reset' at Monday 00:00", () => {
    expect(settleRow(runOf({}), weekly, sunday).state).toBe('active');
    expect(settleRow(runOf({ state: 'ready' }), weekly, monday)).toMatchObject({
      state: 'failed',
      failReason: 'reset',
      failedAt: monday,
    });
    expect(questStatus(weekly, ctxAt(monday, [runOf({})]))).toBe('available');
  });

  it('a timer that ran out before the reset fails by timer, one still running at the reset by reset', () => {
    const early = runOf({ deadline: at('2026-03-15T23:30:00Z') });
    expect(settleRow(early, weekly, monday)).toMatchObject({
      failReason: 'timer',
      failedAt: early.deadline,
    });
    const late = runOf({ deadline: at('2026-03-16T00:10:00Z') });
    expect(settleRow(late, weekly, at('2026-03-16T00:20:00Z'))).toMatchObject({
      failReason: 'reset',
      failedAt: monday,
    });
  });
});

describe('weekly reset at Monday 00:00 UTC (q_cc_proxy_war)', () => {
  const WEEKLY = 'q_cc_proxy_war';

  it('done on Sunday 23:59:59.999 is done for the week; Monday 00:00 opens a new run; an unfinished run fails with reset', async () => {
    const deps = testDeps(db, { clock: new FakeClock(Date.parse('2026-03-15T23:00:00Z')) });
    const p = await playerAt(db, 'gideon', { level: 35 });
    const late = await playerAt(db, 'gideon', { level: 35 });
    const sub = questOutboxSubscriber({
      clock: deps.clock,
      log: createLog('t', 'silent'),
    });
    const accept = (who: typeof p) =>
      acceptQuest(deps, { ...who.ref, questId: WEEKLY, contactId: 'gideon' });

    expect((await accept(p)).quest).toMatchObject({
      status: 'active',
      repeat: 'weekly',
      resetsAt: Date.parse('2026-03-16T00:00:00Z'),
    });
    await accept(late);
    for (let i = 0; i < 10; i++) await deliver(db, sub, killEvent([p], 'arasaka_guard'));
    await deliver(db, sub, killEvent([late], 'arasaka_guard'));

    deps.clock.set(at('2026-03-15T23:59:59.999Z'));
    await turnInQuest(deps, { ...p.ref, questId: WEEKLY, contactId: 'gideon' });
    expect((await questRow(db, p, WEEKLY, 'w:2026-03-09'))?.state).toBe('completed');
    await expectDomainError(
      accept(p),
      'INVALID_STATE',
      'Done for this week — it resets on Monday (UTC)',
    );
    expect((await getQuestLog(deps, late.ref)).active.map((q) => q.id)).toEqual([WEEKLY]);

    deps.clock.set(at('2026-03-16T00:00:00.000Z'));
    const log = await getQuestLog(deps, p.ref);
    expect(log.repeatables.find((q) => q.id === WEEKLY)?.status).toBe('available');
    expect(log.nextWeeklyReset).toBe(Date.parse('2026-03-23T00:00:00Z'));
    expect((await accept(p)).quest.status).toBe('active');
    expect((await questRow(db, p, WEEKLY, 'w:2026-03-16'))?.state).toBe('active');

    // last week's unfinished run failed at the reset and its kill does not carry over
    const lateLog = await getQuestLog(deps, late.ref);
    expect(lateLog.failed.map((q) => [q.id, q.failReason])).toEqual([[WEEKLY, 'reset']]);
    const again = await accept(late);
    expect(again.quest.objectives[0]?.progress).toBe(0);
  });
});
