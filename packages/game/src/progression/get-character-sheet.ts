import {
  ATTRIBUTE_MAX,
  CharacterIdInputSchema,
  LEVEL_CAP,
  SKILL_LEVEL_CAP,
  SKILLS,
  encumbrance,
  totalXpForLevel,
  xpToNextLevel,
  respecCost,
  skillLevelForXp,
  skillTotalXpForLevel,
  skillXpToNext,
  unlockedPerks,
  type CharacterSheet,
  type SkillProgress,
} from '@necp/shared';
import type { Character, CharacterSkill } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { parseInput } from '../core/validation';
import { attributesOf, startingAttributesOf } from './character-attributes';
import { deriveCharacterStats } from './derive-character-stats';
import { getLiveCharacter } from '../characters/get-owned-character';

/** Every skill in content, with the character's progress (0 for skills never used). */
export function skillProgress(
  rows: readonly Pick<CharacterSkill, 'skillId' | 'xp'>[],
): SkillProgress[] {
  const xpOf = new Map(rows.map((r) => [r.skillId, r.xp]));
  return SKILLS.map((s) => {
    const xp = xpOf.get(s.id) ?? 0;
    const level = skillLevelForXp(xp);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      attribute: s.attribute,
      level,
      maxLevel: SKILL_LEVEL_CAP,
      xp,
      xpIntoLevel: xp - skillTotalXpForLevel(level),
      xpToNext: level >= SKILL_LEVEL_CAP ? null : skillXpToNext(level),
      perks: unlockedPerks(s.id, level),
      nextPerk: s.perks.find((p) => p.level > level) ?? null,
    };
  });
}

/** Builds the sheet of a character row (inside or outside a transaction). */
export async function buildCharacterSheet(
  db: GameDeps['db'] | Tx,
  c: Character,
): Promise<CharacterSheet> {
  const [{ stats, carried }, skills] = await Promise.all([
    deriveCharacterStats(db, c),
    db.characterSkill.findMany({
      where: { characterId: c.id },
      select: { skillId: true, xp: true },
    }),
  ]);
  return {
    characterId: c.id,
    name: c.name,
    origin: c.origin,
    class: c.class,
    // the stored level is authoritative (an admin may set it); XP only ever raises it
    level: c.level,
    levelCap: LEVEL_CAP,
    xp: c.xp,
    xpIntoLevel: Math.max(0, c.xp - totalXpForLevel(c.level)),
    xpToNext: c.level >= LEVEL_CAP ? null : xpToNextLevel(c.level),
    attributes: attributesOf(c),
    startingAttributes: startingAttributesOf(c),
    attributePoints: c.attributePoints,
    attributeMax: ATTRIBUTE_MAX,
    health: Math.min(c.health, stats.maxHealth),
    stats,
    weight: {
      carried: carried.weight,
      limit: stats.carryWeight,
      speedFactor: encumbrance(carried.weight, stats.carryWeight),
    },
    skills: skillProgress(skills),
    eddies: c.eddies,
    respecCount: c.respecCount,
    respecCost: respecCost(c.level, c.respecCount),
  };
}

/**
 * The character sheet: attributes and unspent points, level and XP, stats derived
 * with the equipped non-broken items, skills with unlocked perks, eddies and the
 * price of a respec. A missing or deleted character is NOT_FOUND.
 */
export async function getCharacterSheet(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string },
): Promise<CharacterSheet> {
  const { characterId } = parseInput(CharacterIdInputSchema, { characterId: input.characterId });
  return buildCharacterSheet(deps.db, await getLiveCharacter(deps, characterId));
}
