/**
 * Ability and effect content for the UI (names, glyphs, ranges), with fallbacks so a
 * client older than the server still draws something for an unknown id.
 */
import {
  CLASS_IDS,
  abilitiesForClass,
  abilityById,
  bossAttackById,
  effectById,
  npcTemplateById,
  type AbilityTemplate,
  type ClassId,
} from '@necp/shared';

const readable = (id: string) => id.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

export const abilityName = (id: string) =>
  abilityById(id)?.name ?? bossAttackById(id)?.name ?? readable(id);
export const effectName = (id: string) => effectById(id)?.name ?? readable(id);

export interface EffectLook {
  name: string;
  beneficial: boolean;
  /** two-letter glyph on the icon */
  glyph: string;
  durationMs: number;
}

/** glyphs every system monospace font has (DejaVu, Liberation, Menlo, Consolas) */
const EFFECT_GLYPH: Record<string, string> = {
  dot: '☣',
  hot: '✚',
  slow: '↓',
  stun: '✶',
  silence: '⊘',
  shield: '◈',
  damage_reduction: '▼',
  damage_boost: '▲',
};

export function effectLook(id: string): EffectLook {
  const e = effectById(id);
  if (!e) return { name: readable(id), beneficial: false, glyph: '?', durationMs: 1 };
  return {
    name: e.name,
    beneficial: e.beneficial,
    glyph: EFFECT_GLYPH[e.kind] ?? e.name.slice(0, 2),
    durationMs: e.durationMs,
  };
}

const isClassId = (id: string): id is ClassId => (CLASS_IDS as readonly string[]).includes(id);

/**
 * The ability bar (keys 1–6): the class's abilities known at `level`. The welcome's
 * list wins at the level it was sent for (the server decides); after a level-up the
 * bar grows from content until the next welcome.
 */
export function barAbilities(
  classId: string,
  level: number,
  welcome: { level: number; abilities: string[] },
): string[] {
  if (level === welcome.level || !isClassId(classId)) return welcome.abilities.slice(0, 6);
  return abilitiesForClass(classId, level)
    .map((a) => a.id)
    .slice(0, 6);
}

export const abilityOf = (id: string): AbilityTemplate | undefined => abilityById(id);

/** NPC rank/disposition fallbacks from content when the entity did not carry them. */
export const npcTemplate = (templateId: string | undefined) =>
  templateId ? npcTemplateById(templateId) : undefined;
