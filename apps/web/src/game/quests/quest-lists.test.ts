import { describe, expect, it } from 'vitest';
import type { ObjectiveView, QuestLogView, QuestView } from '@necp/shared';
import { calendarDays, todayIndex } from './daily-calendar';
import {
  chainLength,
  logGroups,
  nextExpiry,
  nextStep,
  openQuests,
  readyCount,
  sameMarkers,
  trackerQuests,
  visibleObjectives,
  whereText,
} from './quest-lists';

const obj = (o: Partial<ObjectiveView> = {}): ObjectiveView => ({
  id: 'o',
  kind: 'kill',
  label: 'Punks dealt with',
  progress: 0,
  target: 5,
  done: false,
  locked: false,
  ...o,
});

const quest = (id: string, q: Partial<QuestView> = {}): QuestView => ({
  id,
  title: id,
  summary: `Summary of ${id}`,
  description: 'A description long enough.',
  completion: 'Done and dusted.',
  zoneId: 'watson',
  zoneName: 'Watson',
  level: 1,
  repeat: 'none',
  status: 'active',
  giver: { id: 'regina', name: 'Regina Jones' },
  turnIn: { id: 'regina', name: 'Regina Jones', zoneId: 'watson', x: 236, y: 252 },
  objectives: [obj()],
  rewards: { xp: 10, eddies: 5, items: [], choice: [], reputation: [] },
  ...q,
});

const log = (l: Partial<QuestLogView> = {}): QuestLogView => ({
  active: [],
  failed: [],
  completedCount: 0,
  repeatables: [],
  markers: {},
  nextDailyReset: 2_000,
  nextWeeklyReset: 9_000,
  ...l,
});

describe('tracker', () => {
  it('puts ready quests first, then timed ones by deadline, then log order; at most 4', () => {
    const l = log({
      active: [
        quest('q_a'),
        quest('q_timed_late', { deadline: 9_000 }),
        quest('q_b'),
        quest('q_ready', { status: 'ready' }),
        quest('q_timed_soon', { deadline: 5_000 }),
      ],
    });
    expect(trackerQuests(l).map((q) => q.id)).toEqual([
      'q_ready',
      'q_timed_soon',
      'q_timed_late',
      'q_a',
    ]);
    expect(trackerQuests(l, 2).map((q) => q.id)).toEqual(['q_ready', 'q_timed_soon']);
  });

  it('adds open repeatables once and leaves out finished ones', () => {
    const daily = quest('q_daily', { repeat: 'daily' });
    const l = log({
      active: [quest('q_a'), daily],
      repeatables: [
        daily,
        quest('q_done_daily', { repeat: 'daily', status: 'completed' }),
        quest('q_new_weekly', { repeat: 'weekly', status: 'available' }),
        quest('q_weekly', { repeat: 'weekly', status: 'ready' }),
      ],
    });
    expect(openQuests(l).map((q) => q.id)).toEqual(['q_a', 'q_daily', 'q_weekly']);
    expect(readyCount(l)).toBe(1);
  });

  it('hides objectives that wait on others', () => {
    const q = quest('q', {
      objectives: [obj({ id: 'walk' }), obj({ id: 'tell', locked: true })],
    });
    expect(visibleObjectives(q).map((o) => o.id)).toEqual(['walk']);
  });

  it('says where to go next', () => {
    expect(nextStep(quest('q', { status: 'ready' }))).toBe('Return to Regina Jones');
    const where = { zoneId: 'watson', x: 1, y: 2, radius: 10, name: 'Jig-Jig Street' };
    const q = quest('q', {
      objectives: [
        obj({ id: 'a', done: true, label: 'First' }),
        obj({ id: 'b', label: 'Be seen', where }),
      ],
    });
    expect(nextStep(q)).toBe('Be seen — Jig-Jig Street');
    expect(whereText(q)).toBe('Watson · Jig-Jig Street');
    expect(whereText(quest('q', { status: 'ready' }))).toBe('Regina Jones · Watson');
    expect(whereText(quest('q'))).toBe('Watson');
  });

  it('knows when the next timer runs out', () => {
    const l = log({
      active: [
        quest('q_a', { deadline: 5_000 }),
        quest('q_b', { deadline: 3_000 }),
        quest('q_ready', { status: 'ready', deadline: 1_500 }),
      ],
    });
    expect(nextExpiry(l, 1_000)).toBe(3_000);
    expect(nextExpiry(l, 3_000)).toBe(5_000);
    expect(nextExpiry(l, 6_000)).toBeNull();
  });

  it('compares marker maps by content', () => {
    expect(sameMarkers({ regina: '!' }, { regina: '!' })).toBe(true);
    expect(sameMarkers({ regina: '!' }, { regina: '?' })).toBe(false);
    expect(sameMarkers({ regina: '!' }, { regina: '!', dex: '!' })).toBe(false);
    expect(sameMarkers({}, {})).toBe(true);
  });
});

describe('quest log groups', () => {
  it('groups one-time quests by state and repeatables by period, dropping empty groups', () => {
    const l = log({
      active: [
        quest('q_ready', { status: 'ready' }),
        quest('q_active'),
        quest('q_daily', { repeat: 'daily' }),
      ],
      repeatables: [
        quest('q_daily', { repeat: 'daily', status: 'available' }),
        quest('q_weekly', { repeat: 'weekly', status: 'completed' }),
        quest('q_far_daily', { repeat: 'daily', status: 'unavailable' }),
      ],
      failed: [quest('q_failed', { status: 'failed', failReason: 'timer' })],
    });
    const groups = logGroups(l);
    expect(groups.map((g) => [g.id, g.quests.map((q) => q.id)])).toEqual([
      ['ready', ['q_ready']],
      ['active', ['q_active']],
      ['daily', ['q_daily']],
      ['weekly', ['q_weekly']],
      ['failed', ['q_failed']],
    ]);
    // the open copy of a repeatable wins over its listing as available
    expect(groups.find((g) => g.id === 'daily')!.quests[0]!.status).toBe('active');
    expect(groups.find((g) => g.id === 'daily')!.resetsAt).toBe(2_000);
    expect(groups.find((g) => g.id === 'weekly')!.resetsAt).toBe(9_000);
    expect(logGroups(log())).toEqual([]);
  });

  it('counts a chain by its highest step', () => {
    const quests = [
      { chain: { id: 'c', step: 1 } },
      { chain: { id: 'c', step: 2 } },
      { chain: { id: 'c', step: 2 } },
      { chain: { id: 'other', step: 7 } },
      {},
    ];
    expect(chainLength('c', quests)).toBe(2);
    expect(chainLength('missing', quests)).toBe(0);
  });
});

describe('login calendar', () => {
  const cycle = Array.from({ length: 7 }, (_, i) => ({ eddies: (i + 1) * 10 }));
  it('ticks the streak so far and highlights today', () => {
    const days = calendarDays({ streak: 3, cycle, cycleDay: 3, canClaim: true });
    expect(days.map((d) => d.state)).toEqual([
      'claimed',
      'claimed',
      'claimable',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(days.findIndex((d) => d.today)).toBe(2);
  });

  it('ticks today once claimed', () => {
    const days = calendarDays({ streak: 1, cycle, cycleDay: 1, canClaim: false });
    expect(days[0]).toMatchObject({ day: 1, state: 'claimed', today: true });
    expect(days[1]!.state).toBe('upcoming');
  });

  it('wraps after seven days and falls back on cycleDay without a streak', () => {
    expect(todayIndex({ streak: 8, cycle, cycleDay: 1 })).toBe(0);
    expect(todayIndex({ streak: 14, cycle, cycleDay: 7 })).toBe(6);
    expect(todayIndex({ streak: 0, cycle, cycleDay: 4 })).toBe(3);
    expect(todayIndex({ streak: 0, cycle: [], cycleDay: 4 })).toBe(0);
  });
});
