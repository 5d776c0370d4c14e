import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_CATEGORIES, type AchievementView, type AchievementsView } from '@necp/shared';
import {
  badgeOf,
  earnedText,
  groupByCategory,
  hasBar,
  openingCategory,
  pointsText,
  progressFraction,
  progressText,
  sortAchievements,
  stateOf,
  summarize,
  titleChangedText,
  titleOptions,
} from './achievements-view';

const ach = (id: string, o: Partial<AchievementView> = {}): AchievementView => ({
  id,
  name: id,
  description: `${id} described`,
  category: 'combat',
  points: 10,
  hidden: false,
  title: null,
  progress: 0,
  target: 10,
  completedAt: null,
  ...o,
});

const view = (
  achievements: AchievementView[],
  o: Partial<AchievementsView> = {},
): AchievementsView => ({
  characterId: 'c1',
  points: 0,
  title: null,
  titles: [],
  achievements,
  ...o,
});

describe('achievement states and text', () => {
  it('earned, under way or not started; the fraction is capped and full once earned', () => {
    expect(stateOf(ach('a'))).toBe('open');
    expect(stateOf(ach('a', { progress: 3 }))).toBe('progress');
    expect(stateOf(ach('a', { progress: 10, completedAt: 5 }))).toBe('earned');
    expect(progressFraction(ach('a', { progress: 3 }))).toBeCloseTo(0.3);
    expect(progressFraction(ach('a', { progress: 30 }))).toBe(1);
    expect(progressFraction(ach('a', { progress: 0, target: 0 }))).toBe(0);
    expect(progressFraction(ach('a', { progress: 0, completedAt: 5 }))).toBe(1);
  });

  it('a bar only for a count not reached yet; its text never passes the target', () => {
    expect(hasBar(ach('a', { progress: 3 }))).toBe(true);
    expect(hasBar(ach('a', { target: 1 }))).toBe(false);
    expect(hasBar(ach('a', { progress: 10, completedAt: 5 }))).toBe(false);
    expect(progressText(ach('a', { progress: 1234, target: 2500 }))).toBe('1,234 / 2,500');
    expect(progressText(ach('a', { progress: 12, target: 10 }))).toBe('10 / 10');
  });

  it('dates, points and badges', () => {
    expect(earnedText(Date.UTC(2026, 10, 25, 23, 30), 'UTC')).toBe('Earned 25 Nov 2026');
    expect(earnedText(Date.UTC(2026, 10, 25, 23, 30), 'Asia/Tokyo')).toBe('Earned 26 Nov 2026');
    expect(pointsText(1)).toBe('1 pt');
    expect(pointsText(1500)).toBe('1,500 pts');
    expect(badgeOf(ach('a', { category: 'social' }))).toBe('☺');
    expect(badgeOf(ach('a', { hidden: true, name: '???' }))).toBe('?');
    expect(badgeOf(ach('a', { hidden: true, completedAt: 1 }))).toBe('⚔');
  });
});

describe('sorting and grouping', () => {
  it('earned newest first, then nearest to done, then as defined, hidden ones last', () => {
    const list = [
      ach('open1'),
      ach('hidden', { hidden: true, name: '???', progress: 4 }),
      ach('half', { progress: 5 }),
      ach('old', { progress: 10, completedAt: 100 }),
      ach('open2'),
      ach('most', { progress: 9 }),
      ach('new', { progress: 10, completedAt: 200 }),
      ach('hiddenEarned', { hidden: true, progress: 10, completedAt: 50 }),
    ];
    expect(sortAchievements(list).map((a) => a.id)).toEqual([
      'new',
      'old',
      'hiddenEarned',
      'most',
      'half',
      'open1',
      'open2',
      'hidden',
    ]);
  });

  it('groups by category in the categories’ order with counts and points; empty ones left out', () => {
    const groups = groupByCategory([
      ach('s1', { category: 'social', points: 5, completedAt: 1, progress: 10 }),
      ach('c1', { points: 10 }),
      ach('s2', { category: 'social', points: 25 }),
      ach('c2', { points: 50, completedAt: 2, progress: 10 }),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['combat', 'social']);
    expect(groups[0]).toMatchObject({
      label: 'Combat',
      icon: '⚔',
      earned: 1,
      total: 2,
      points: 50,
      maxPoints: 60,
    });
    expect(groups[0]?.achievements.map((a) => a.id)).toEqual(['c2', 'c1']);
    expect(groups[1]).toMatchObject({
      label: 'Social',
      earned: 1,
      total: 2,
      points: 5,
      maxPoints: 30,
    });
    // every category has a label and an icon
    expect(
      groupByCategory(ACHIEVEMENT_CATEGORIES.map((category) => ach(category, { category }))).map(
        (g) => g.label,
      ),
    ).toEqual(['Combat', 'Progression', 'Gigs', 'Loot', 'Dungeons & Raids', 'Arena', 'Social']);
  });

  it('the summary and the tab the window opens on (the latest earned one’s)', () => {
    const v = view(
      [
        ach('c1', { completedAt: 100, progress: 10 }),
        ach('s1', { category: 'social', completedAt: 300, progress: 10, points: 5 }),
        ach('l1', { category: 'loot', completedAt: 200, progress: 10 }),
        ach('l2', { category: 'loot' }),
      ],
      { points: 25 },
    );
    expect(summarize(v)).toEqual({ earned: 3, total: 4, points: 25, maxPoints: 35 });
    expect(openingCategory(v)).toBe('social');
    expect(openingCategory(view([ach('l', { category: 'loot' }), ach('c')]))).toBe('combat');
    expect(openingCategory(view([ach('l', { category: 'loot' })]))).toBe('loot');
  });
});

describe('titles', () => {
  it('offers none first, then the earned titles; says what changed', () => {
    const v = view([], {
      titles: [
        { id: 'title_connected', text: 'the Connected', achievementId: 'ach_friends_10' },
        { id: 'title_duelist', text: 'Duelist', achievementId: 'ach_arena_duelist' },
      ],
    });
    expect(titleOptions(v)).toEqual([
      { value: '', label: 'None' },
      { value: 'title_connected', label: 'the Connected' },
      { value: 'title_duelist', label: 'Duelist' },
    ]);
    expect(titleChangedText({ text: 'Duelist' })).toBe('Your title is now “Duelist”.');
    expect(titleChangedText(null)).toBe('You show no title now.');
  });
});
