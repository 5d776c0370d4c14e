import { describe, expect, it } from 'vitest';
import { FACTION_IDS } from '../content/factions';
import { npcTemplateById } from '../content/npcs';
import { questById } from '../content/quests';
import { achievementTarget, chainLastStep } from './achievement-progress';
import { ACHIEVEMENT_CATEGORIES } from '../content/achievement-schema';
import { ACHIEVEMENTS, achievementById, titleById } from '../content/achievements';

describe('achievement definitions', () => {
  it('are at least 40, with unique ids and unique titles, in every category', () => {
    expect(ACHIEVEMENTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ACHIEVEMENTS.map((a) => a.id)).size).toBe(ACHIEVEMENTS.length);
    const titles = ACHIEVEMENTS.flatMap((a) => (a.title ? [a.title] : []));
    expect(new Set(titles.map((t) => t.id)).size).toBe(titles.length);
    expect(new Set(titles.map((t) => t.text)).size).toBe(titles.length);
    for (const c of ACHIEVEMENT_CATEGORIES)
      expect(
        ACHIEVEMENTS.some((a) => a.category === c),
        c,
      ).toBe(true);
    for (const a of ACHIEVEMENTS) expect(achievementTarget(a.criterion)).toBeGreaterThan(0);
  });

  it('cover every criterion the issue names', () => {
    const kinds = new Set(ACHIEVEMENTS.map((a) => a.criterion.kind));
    for (const k of [
      'kills',
      'level',
      'quests',
      'quest',
      'chain',
      'item_rarity',
      'dungeon_clears',
      'raid_clears',
      'arena_wins',
      'party_joined',
      'guild_joined',
      'friends',
    ] as const)
      expect(kinds.has(k), k).toBe(true);
    const legendary = achievementById('ach_first_legendary')?.criterion;
    expect(legendary).toEqual({ kind: 'item_rarity', rarity: 'legendary', count: 1 });
    expect(achievementById('ach_friends_10')?.criterion).toEqual({ kind: 'friends', count: 10 });
  });

  it('name only content that exists', () => {
    for (const a of ACHIEVEMENTS) {
      const c = a.criterion;
      if (c.kind === 'kills') {
        for (const id of c.npcTemplateIds ?? [])
          expect(npcTemplateById(id), `${a.id}: ${id}`).toBeDefined();
        if (c.factionId) expect(FACTION_IDS, a.id).toContain(c.factionId);
      }
      if (c.kind === 'quest') expect(questById(c.questId), a.id).toBeDefined();
      if (c.kind === 'chain') expect(chainLastStep(c.chainId), a.id).toBeGreaterThan(0);
    }
  });

  it('find titles by id, with the achievement that unlocks them', () => {
    expect(titleById('title_connected')).toEqual({
      id: 'title_connected',
      text: 'the Connected',
      achievementId: 'ach_friends_10',
    });
    expect(titleById('title_nope')).toBeUndefined();
  });
});
