import { describe, expect, it } from 'vitest';
import {
  achievementStep,
  achievementSteps,
  achievementTarget,
  chainLastStep,
  nextProgress,
  type AchievementFact,
} from './achievement-progress';
import type { AchievementCriterion } from '../content/achievement-schema';

const kill = (
  npcTemplateId: string,
  rank: 'normal' | 'elite' | 'boss' = 'normal',
): AchievementFact => ({
  kind: 'kill',
  npcTemplateId,
  rank,
});

describe('achievementStep', () => {
  it('kills: any, by rank, by template, by faction', () => {
    const any: AchievementCriterion = { kind: 'kills', count: 3 };
    const elite: AchievementCriterion = { kind: 'kills', count: 3, npcRank: 'elite' };
    const royce: AchievementCriterion = { kind: 'kills', count: 1, npcTemplateIds: ['royce'] };
    const claws: AchievementCriterion = { kind: 'kills', count: 5, factionId: 'tyger_claws' };
    expect(achievementStep(any, kill('watson_scavenger'))).toEqual({ mode: 'add', amount: 1 });
    expect(achievementStep(elite, kill('watson_scavenger'))).toBeNull();
    expect(achievementStep(elite, kill('maelstrom_enforcer', 'elite'))).toEqual({
      mode: 'add',
      amount: 1,
    });
    expect(achievementStep(royce, kill('royce', 'boss'))).not.toBeNull();
    expect(achievementStep(royce, kill('maelstrom_ganger'))).toBeNull();
    expect(achievementStep(claws, kill('tyger_claws_netrunner'))).not.toBeNull();
    expect(achievementStep(claws, kill('maelstrom_ganger'))).toBeNull();
    expect(achievementStep(claws, kill('no_such_npc'))).toBeNull();
    expect(achievementStep(any, { kind: 'level', level: 9 })).toBeNull();
  });

  it('level and friends follow an absolute value; the rest count', () => {
    expect(achievementStep({ kind: 'level', level: 10 }, { kind: 'level', level: 7 })).toEqual({
      mode: 'max',
      value: 7,
    });
    expect(achievementStep({ kind: 'friends', count: 10 }, { kind: 'friends', count: 4 })).toEqual({
      mode: 'max',
      value: 4,
    });
    expect(achievementStep({ kind: 'party_joined' }, { kind: 'party_joined' })).toEqual({
      mode: 'add',
      amount: 1,
    });
    expect(achievementStep({ kind: 'guild_joined' }, { kind: 'party_joined' })).toBeNull();
    expect(achievementStep({ kind: 'guild_joined' }, { kind: 'guild_joined' })).not.toBeNull();
  });

  it('quests: any, one, and a chain only by its last step', () => {
    const done = (questId: string): AchievementFact => ({ kind: 'quest_completed', questId });
    expect(achievementStep({ kind: 'quests', count: 10 }, done('q_wb_beat'))).not.toBeNull();
    expect(
      achievementStep({ kind: 'quest', questId: 'q_street_cred' }, done('q_street_cred')),
    ).not.toBeNull();
    expect(
      achievementStep({ kind: 'quest', questId: 'q_street_cred' }, done('q_wb_beat')),
    ).toBeNull();
    const chain: AchievementCriterion = { kind: 'chain', chainId: 'blood_in_the_water' };
    expect(chainLastStep('blood_in_the_water')).toBe(5);
    expect(achievementStep(chain, done('q_bitw_rumor'))).toBeNull();
    expect(achievementStep(chain, done('q_bitw_finale'))).toEqual({ mode: 'add', amount: 1 });
    expect(chainLastStep('no_such_chain')).toBe(0);
  });

  it('items of at least the rarity, by quantity', () => {
    const legendary: AchievementCriterion = { kind: 'item_rarity', rarity: 'legendary', count: 5 };
    const epic: AchievementCriterion = { kind: 'item_rarity', rarity: 'epic', count: 1 };
    const item = (rarity: 'rare' | 'epic' | 'legendary', quantity = 1): AchievementFact => ({
      kind: 'item_acquired',
      templateId: 'x',
      rarity,
      quantity,
    });
    expect(achievementStep(legendary, item('epic'))).toBeNull();
    expect(achievementStep(legendary, item('legendary', 2))).toEqual({ mode: 'add', amount: 2 });
    expect(achievementStep(epic, item('legendary'))).not.toBeNull();
    expect(achievementStep(epic, item('rare'))).toBeNull();
  });

  it('dungeons, raids and arena wins, optionally by id or bracket', () => {
    expect(
      achievementStep(
        { kind: 'dungeon_clears', count: 1 },
        { kind: 'dungeon_cleared', dungeonId: 'd1' },
      ),
    ).not.toBeNull();
    expect(
      achievementStep(
        { kind: 'dungeon_clears', count: 1, dungeonId: 'd2' },
        { kind: 'dungeon_cleared', dungeonId: 'd1' },
      ),
    ).toBeNull();
    expect(
      achievementStep({ kind: 'raid_clears', count: 1 }, { kind: 'raid_cleared', raidId: 'r' }),
    ).not.toBeNull();
    expect(
      achievementStep(
        { kind: 'raid_clears', count: 1 },
        { kind: 'dungeon_cleared', dungeonId: 'r' },
      ),
    ).toBeNull();
    const duel: AchievementCriterion = { kind: 'arena_wins', count: 10, bracket: '1v1' };
    expect(achievementStep(duel, { kind: 'arena_won', bracket: '1v1' })).not.toBeNull();
    expect(achievementStep(duel, { kind: 'arena_won', bracket: '3v3' })).toBeNull();
    expect(
      achievementStep({ kind: 'arena_wins', count: 1 }, { kind: 'arena_won', bracket: '3v3' }),
    ).not.toBeNull();
  });
});

describe('progress', () => {
  it('adds, rises, never falls, stops at the target', () => {
    expect(nextProgress(2, { mode: 'add', amount: 1 }, 5)).toBe(3);
    expect(nextProgress(4, { mode: 'add', amount: 3 }, 5)).toBe(5);
    expect(nextProgress(6, { mode: 'max', value: 4 }, 10)).toBe(6);
    expect(nextProgress(6, { mode: 'max', value: 12 }, 10)).toBe(10);
    expect(achievementTarget({ kind: 'level', level: 20 })).toBe(20);
    expect(achievementTarget({ kind: 'guild_joined' })).toBe(1);
  });

  it('a boss kill counts for the any-kill, boss and template achievements at once', () => {
    const ids = achievementSteps(kill('royce', 'boss')).map((s) => s.achievement.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'ach_first_blood',
        'ach_boss_first',
        'ach_royce',
        'ach_maelstrom_50',
      ]),
    );
    expect(ids).not.toContain('ach_elite_first');
    const legend = achievementSteps({
      kind: 'item_acquired',
      templateId: 'x',
      rarity: 'legendary',
      quantity: 1,
    });
    expect(legend.map((s) => s.achievement.id)).toEqual([
      'ach_rare_find',
      'ach_top_shelf',
      'ach_first_legendary',
      'ach_legendary_hoard',
    ]);
  });
});
