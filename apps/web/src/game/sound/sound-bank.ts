/**
 * Every sound effect of the game, synthesised in the browser by ZzFX (no audio files:
 * nothing to download but the ~10 KB synthesiser). Each entry is ZzFX's parameter list
 * — [volume, randomness, frequency, attack, sustain, release, shape, shapeCurve, slide,
 * deltaSlide, pitchJump, pitchJumpTime, repeatTime, noise, modulation, bitCrush, delay,
 * sustainVolume, decay, tremolo, filter] (shape 0 sine, 1 triangle, 2 saw, 3 tan,
 * 4 noise; filter < 0 low-pass, > 0 high-pass) — and how often it may start (a pack's hits in one tick are one hit, not ten stacked).
 */
import { abilityById, type AbilityRole, type AbilitySchool } from '@necp/shared';

export type ZzfxParams = readonly number[];

/** An effect (all play on the effects channel). */
export interface SoundDef {
  zzfx: ZzfxParams;
  /** the same sound does not start again sooner than this (ms) */
  minGapMs: number;
}

/** the world's sounds and the interface's: only their default spacing differs */
const fx = (zzfx: ZzfxParams, minGapMs = 40): SoundDef => ({ zzfx, minGapMs });
const ui = (zzfx: ZzfxParams, minGapMs = 60): SoundDef => ({ zzfx, minGapMs });

/** ability sounds by role; the school colours them (abilitySound) */
const ABILITY_BASE: Record<AbilityRole, ZzfxParams> = {
  // a pistol's crack: noise with a falling pitch, cut short
  basic: [0.5, 0.05, 320, 0, 0.02, 0.1, 4, 1.6, -8, 0, 0, 0, 0, 0.9, 0, 0, 0, 0.5, 0.03],
  // a braced shot: lower, longer, with a tail
  ranged: [0.7, 0.05, 180, 0, 0.04, 0.22, 4, 2, -6, 0, 0, 0, 0, 1.2, 0, 0.1, 0.04, 0.6, 0.05],
  // a grenade: long low noise, crushed
  area: [0.9, 0.05, 70, 0.01, 0.12, 0.5, 4, 1, -1, 0, 0, 0, 0, 1.5, 0, 0.3, 0, 0.7, 0.1],
  // a shield humming up
  defensive: [0.4, 0, 160, 0.08, 0.2, 0.25, 0, 1, 3, 0, 0, 0, 0, 0, 4, 0, 0, 0.8, 0, 0.2],
  // a rising chime, three steps
  heal: [0.4, 0, 520, 0.01, 0.08, 0.2, 0, 1, 0, 0, 180, 0.05, 0.06, 0, 0, 0, 0, 0.7],
  // a quickhack's zap: a buzzing saw, modulated
  control: [0.45, 0.05, 700, 0, 0.06, 0.14, 2, 1, -20, 0, 0, 0, 0, 0.2, 25, 0.2, 0, 0.6],
};

/** tech abilities sound digital (crushed, brighter), bio ones wetter (lower) */
function bySchool(base: ZzfxParams, school: AbilitySchool): ZzfxParams {
  const p = [...base];
  if (school === 'tech') {
    p[2] = (p[2] ?? 220) * 1.25;
    p[15] = Math.max(p[15] ?? 0, 0.25);
  } else if (school === 'bio') {
    p[2] = (p[2] ?? 220) * 0.8;
    p[19] = Math.max(p[19] ?? 0, 0.15);
  }
  return p;
}

const abilitySounds = {} as Record<`ability_${AbilityRole}_${AbilitySchool}`, SoundDef>;
for (const role of Object.keys(ABILITY_BASE) as AbilityRole[])
  for (const school of ['physical', 'tech', 'bio'] as const)
    abilitySounds[`ability_${role}_${school}`] = fx(bySchool(ABILITY_BASE[role], school), 60);

export const SOUNDS = {
  ...abilitySounds,
  // soft: a padded step on wet concrete
  footstep: fx(
    [0.12, 0.2, 90, 0, 0.01, 0.05, 4, 1, 0, 0, 0, 0, 0, 0.6, 0, 0, 0, 0.4, 0, 0, -900],
    180,
  ),
  hit: fx([0.45, 0.1, 140, 0, 0.01, 0.08, 4, 1, -2, 0, 0, 0, 0, 1, 0, 0, 0, 0.6, 0.02], 50),
  crit: fx(
    [0.6, 0.05, 900, 0, 0.02, 0.18, 1, 1, -12, 0, -300, 0.04, 0, 0.4, 0, 0.1, 0, 0.7, 0.02],
    60,
  ),
  /** the own character hit: a dull thud, felt more than heard */
  hurt: fx(
    [0.55, 0.1, 60, 0, 0.03, 0.12, 4, 1, -1, 0, 0, 0, 0, 1.8, 0, 0.2, 0, 0.8, 0.02, 0, -700],
    90,
  ),
  death: fx([0.5, 0.05, 300, 0, 0.1, 0.45, 2, 1.5, -4, 0, 0, 0, 0, 0.3, 0, 0.1, 0, 0.6, 0.1], 120),
  self_death: fx(
    [0.7, 0, 220, 0.02, 0.3, 0.9, 2, 1, -2, 0, -40, 0.3, 0, 0.5, 6, 0.2, 0, 0.7, 0.2, 0.3],
    500,
  ),
  respawn: fx([0.4, 0, 200, 0.1, 0.2, 0.4, 0, 1, 6, 0, 200, 0.15, 0, 0, 0, 0, 0, 0.7], 500),
  loot_common: ui([0.3, 0, 1200, 0, 0.01, 0.06, 1, 1, 0, 0, 400, 0.03], 80),
  loot_uncommon: ui([0.35, 0, 1000, 0, 0.02, 0.12, 1, 1, 0, 0, 500, 0.04, 0.05], 80),
  loot_rare: ui([0.4, 0, 900, 0, 0.03, 0.2, 0, 1, 0, 0, 300, 0.04, 0.05, 0, 0, 0, 0.04, 0.7], 80),
  loot_epic: ui(
    [0.45, 0, 700, 0.01, 0.05, 0.3, 0, 1, 0, 0, 200, 0.05, 0.06, 0, 0, 0, 0.06, 0.7, 0, 0.1],
    80,
  ),
  loot_legendary: ui(
    [0.5, 0, 523, 0.01, 0.12, 0.45, 0, 1, 0, 0, 130, 0.06, 0.07, 0, 0, 0, 0.08, 0.8, 0, 0.15],
    80,
  ),
  quest_accepted: ui([0.4, 0, 440, 0.01, 0.06, 0.15, 1, 1, 0, 0, 220, 0.07], 200),
  quest_complete: ui(
    [0.5, 0, 392, 0.01, 0.1, 0.3, 1, 1, 0, 0, 196, 0.08, 0.09, 0, 0, 0, 0.05, 0.8],
    200,
  ),
  level_up: ui(
    [0.55, 0, 330, 0.02, 0.25, 0.4, 0, 1, 0, 0, 165, 0.06, 0.07, 0, 0, 0, 0.08, 0.8, 0, 0.1],
    500,
  ),
  whisper: ui([0.3, 0, 880, 0, 0.02, 0.08, 0, 1, 0, 0, 220, 0.05, 0.1], 300),
  party_invite: ui([0.4, 0, 660, 0, 0.08, 0.2, 0, 1, 0, 0, -165, 0.12], 300),
  ui_open: ui([0.18, 0, 600, 0, 0.01, 0.04, 1, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0.5], 40),
  ui_close: ui([0.15, 0, 500, 0, 0.01, 0.04, 1, 1, -8, 0, 0, 0, 0, 0, 0, 0, 0, 0.5], 40),
  ready_check: ui(
    [0.6, 0, 740, 0, 0.12, 0.12, 2, 1, 0, 0, 0, 0, 0.15, 0, 0, 0.1, 0, 0.8, 0, 0.4],
    1000,
  ),
} satisfies Record<string, SoundDef>;

export type SoundId = keyof typeof SOUNDS;

/** The sound of an ability, by what it does (role) and its school. */
export function abilitySound(abilityId: string): SoundId {
  const a = abilityById(abilityId);
  return a ? `ability_${a.role}_${a.school}` : 'ability_basic_physical';
}

/** The pick-up sound of an item of `rarity` (unknown rarities sound common). */
export function lootSound(rarity: string): SoundId {
  switch (rarity) {
    case 'uncommon':
      return 'loot_uncommon';
    case 'rare':
      return 'loot_rare';
    case 'epic':
      return 'loot_epic';
    case 'legendary':
      return 'loot_legendary';
    default:
      return 'loot_common';
  }
}
