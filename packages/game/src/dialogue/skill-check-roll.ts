import { createHmac } from 'node:crypto';
import {
  attributeModifier,
  rollSkillCheck,
  skillById,
  type SkillCheckResult,
  type SkillCheckSpec,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { seededRng, type Rng } from '../core/rng';
import { attributeLabel } from '../quests/requirements';
import type { DialogueFacts } from './facts';

/**
 * The seed of one skill-check attempt: the first 31 bits of
 * HMAC-SHA256(secret, `skill-check:<characterId>:<checkId>:<attempt>`). Replayable
 * by anyone holding the server secret (tests, operators), unpredictable for players.
 */
export function skillCheckSeed(
  secret: string,
  characterId: string,
  checkId: string,
  attempt: number,
): number {
  const mac = createHmac('sha256', secret)
    .update(`skill-check:${characterId}:${checkId}:${attempt}`)
    .digest();
  return mac.readUInt32BE(0) >>> 1;
}

export const skillCheckRng = (
  secret: string,
  characterId: string,
  checkId: string,
  attempt: number,
): Rng => seededRng(skillCheckSeed(secret, characterId, checkId, attempt));

/** d20 modifier: attributeModifier(attribute), or floor(skill level / 2). */
export function checkModifier(spec: SkillCheckSpec, f: DialogueFacts): number {
  if (spec.attribute) return attributeModifier(f.ctx.attributes[spec.attribute]);
  return Math.floor((f.skills.get(spec.skill ?? '') ?? 0) / 2);
}

/** "Cool", "Handguns": what the window names the check by. */
export function checkLabel(spec: SkillCheckSpec): string {
  if (spec.attribute) return attributeLabel(spec.attribute);
  return skillById(spec.skill ?? '')?.name ?? spec.skill ?? '';
}

export interface CheckOutcome {
  result: SkillCheckResult;
  /** a new roll was made now (false: a one-roll check's stored result) */
  rolled: boolean;
  attempt: number;
}

/**
 * Rolls a dialogue skill check, or returns the stored result of a one-roll check
 * (`retry` false) that was rolled before. Each attempt uses its own seeded RNG, so
 * attempt n of a character's check always rolls the same number.
 */
export async function rollCheckTx(
  tx: Tx,
  o: { secret: string; characterId: string; spec: SkillCheckSpec; facts: DialogueFacts; now: Date },
): Promise<CheckOutcome> {
  const prior = o.facts.rolls.get(o.spec.id);
  if (prior && !o.spec.retry) {
    const critical = prior.roll === 20 ? 'success' : prior.roll === 1 ? 'failure' : null;
    return {
      result: {
        roll: prior.roll,
        modifier: prior.modifier,
        total: prior.total,
        difficulty: prior.difficulty,
        success: prior.success,
        critical,
      },
      rolled: false,
      attempt: prior.attempts,
    };
  }
  const attempt = (prior?.attempts ?? 0) + 1;
  const result = rollSkillCheck(
    { modifier: checkModifier(o.spec, o.facts), difficulty: o.spec.difficulty },
    skillCheckRng(o.secret, o.characterId, o.spec.id, attempt),
  );
  const row = {
    attempts: attempt,
    roll: result.roll,
    modifier: result.modifier,
    total: result.total,
    difficulty: result.difficulty,
    success: result.success,
    rolledAt: o.now,
  };
  await tx.skillCheckRoll.upsert({
    where: { characterId_checkId: { characterId: o.characterId, checkId: o.spec.id } },
    create: { characterId: o.characterId, checkId: o.spec.id, ...row },
    update: row,
  });
  return { result, rolled: true, attempt };
}
