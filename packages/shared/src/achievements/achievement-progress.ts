/**
 * Pure achievement progress rules: what one happening (an `AchievementFact`, made by
 * the server from a domain event) does to one criterion — add to a count, or raise an
 * absolute value — and where progress stops. The server's subscriber
 * (packages/game/src/achievements) stores the result; the client shows the same numbers.
 */
import { npcTemplateById } from '../content/npcs';
import type { NpcRank } from '../content/npc-schema';
import { RARITIES, type Rarity } from '../content/item-schema';
import { QUESTS, questById } from '../content/quests';
import type { ArenaBracket } from '../rating/arena-brackets';
import type { Achievement, AchievementCriterion } from '../content/achievement-schema';
import { ACHIEVEMENTS } from '../content/achievements';

/** One happening that may count for achievements, for one character. */
export type AchievementFact =
  | { kind: 'kill'; npcTemplateId: string; rank: NpcRank }
  | { kind: 'level'; level: number }
  | { kind: 'quest_completed'; questId: string }
  | { kind: 'item_acquired'; templateId: string; rarity: Rarity; quantity: number }
  | { kind: 'dungeon_cleared'; dungeonId: string }
  | { kind: 'raid_cleared'; raidId: string }
  | { kind: 'arena_won'; bracket: ArenaBracket }
  | { kind: 'party_joined' }
  | { kind: 'guild_joined' }
  /** the character's friend count now */
  | { kind: 'friends'; count: number };

/** What a fact does to a criterion's progress: add to it, or raise it to at least a value. */
export type AchievementStep = { mode: 'add'; amount: number } | { mode: 'max'; value: number };

/** The progress at which a criterion is met. */
export function achievementTarget(c: AchievementCriterion): number {
  switch (c.kind) {
    case 'kills':
    case 'quests':
    case 'item_rarity':
    case 'dungeon_clears':
    case 'raid_clears':
    case 'arena_wins':
    case 'friends':
      return c.count;
    case 'level':
      return c.level;
    case 'quest':
    case 'chain':
    case 'party_joined':
    case 'guild_joined':
      return 1;
  }
}

/** The step of the chain's last quest (the highest `chain.step` in content); 0 for an unknown chain. */
export function chainLastStep(chainId: string): number {
  let last = 0;
  for (const q of QUESTS) if (q.chain?.id === chainId) last = Math.max(last, q.chain.step);
  return last;
}

const atLeastRarity = (r: Rarity, min: Rarity) => RARITIES.indexOf(r) >= RARITIES.indexOf(min);

function killCounts(
  c: Extract<AchievementCriterion, { kind: 'kills' }>,
  f: { npcTemplateId: string; rank: NpcRank },
) {
  if (c.npcRank && c.npcRank !== f.rank) return false;
  if (c.npcTemplateIds && !c.npcTemplateIds.includes(f.npcTemplateId)) return false;
  if (c.factionId && npcTemplateById(f.npcTemplateId)?.faction !== c.factionId) return false;
  return true;
}

const add = (amount: number): AchievementStep => ({ mode: 'add', amount });

/** What `fact` does to criterion `c`; null when it does not count for it. */
export function achievementStep(
  c: AchievementCriterion,
  fact: AchievementFact,
): AchievementStep | null {
  switch (c.kind) {
    case 'kills':
      return fact.kind === 'kill' && killCounts(c, fact) ? add(1) : null;
    case 'level':
      return fact.kind === 'level' ? { mode: 'max', value: fact.level } : null;
    case 'quests':
      return fact.kind === 'quest_completed' ? add(1) : null;
    case 'quest':
      return fact.kind === 'quest_completed' && fact.questId === c.questId ? add(1) : null;
    case 'chain': {
      if (fact.kind !== 'quest_completed') return null;
      const chain = questById(fact.questId)?.chain;
      return chain?.id === c.chainId && chain.step === chainLastStep(c.chainId) ? add(1) : null;
    }
    case 'item_rarity':
      return fact.kind === 'item_acquired' && atLeastRarity(fact.rarity, c.rarity)
        ? add(fact.quantity)
        : null;
    case 'dungeon_clears':
      return fact.kind === 'dungeon_cleared' && (!c.dungeonId || c.dungeonId === fact.dungeonId)
        ? add(1)
        : null;
    case 'raid_clears':
      return fact.kind === 'raid_cleared' && (!c.raidId || c.raidId === fact.raidId)
        ? add(1)
        : null;
    case 'arena_wins':
      return fact.kind === 'arena_won' && (!c.bracket || c.bracket === fact.bracket)
        ? add(1)
        : null;
    case 'party_joined':
      return fact.kind === 'party_joined' ? add(1) : null;
    case 'guild_joined':
      return fact.kind === 'guild_joined' ? add(1) : null;
    case 'friends':
      return fact.kind === 'friends' ? { mode: 'max', value: fact.count } : null;
  }
}

/**
 * Progress after a step: a count grows, an absolute value only rises; both stop at
 * the target (so a completed row reads target/target). The server's upsert computes
 * the same in SQL: least(target, greatest(progress + add, max)).
 */
export function nextProgress(current: number, step: AchievementStep, target: number): number {
  const raw = step.mode === 'add' ? current + step.amount : Math.max(current, step.value);
  return Math.min(target, Math.max(0, raw));
}

/** Every achievement `fact` counts for, with its step and target (definitions in content order). */
export function achievementSteps(
  fact: AchievementFact,
  defs: readonly Achievement[] = ACHIEVEMENTS,
): { achievement: Achievement; step: AchievementStep; target: number }[] {
  const out: { achievement: Achievement; step: AchievementStep; target: number }[] = [];
  for (const a of defs) {
    const step = achievementStep(a.criterion, fact);
    if (step) out.push({ achievement: a, step, target: achievementTarget(a.criterion) });
  }
  return out;
}
