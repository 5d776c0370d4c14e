import { questById, type DialogueCondition } from '@necp/shared';
import { questStatus } from '../quests/status';
import {
  attributeLabel,
  classText,
  flagHolds,
  flagText,
  levelText,
  standingHolds,
  standingText,
} from '../quests/requirements';
import type { DialogueFacts } from './facts';

/**
 * Whether a condition holds. `check … passed: false` means "not passed (yet)":
 * never rolled counts, so a check can be offered until it is passed.
 */
export function conditionHolds(c: DialogueCondition, f: DialogueFacts): boolean {
  const ctx = f.ctx;
  switch (c.kind) {
    case 'quest': {
      const q = questById(c.questId);
      return q !== undefined && c.in.includes(questStatus(q, ctx));
    }
    case 'flag':
      return flagHolds(ctx.flags, c);
    case 'standing':
      return standingHolds(ctx.standings, c);
    case 'attribute':
      return ctx.attributes[c.attribute] >= c.atLeast;
    case 'level':
      return ctx.level >= c.atLeast;
    case 'class':
      return c.classes.some((k) => k === ctx.class);
    case 'check':
      return (f.rolls.get(c.checkId)?.success === true) === c.passed;
  }
}

/** The line a locked choice shows: why it cannot be picked. */
export function conditionText(c: DialogueCondition): string {
  switch (c.kind) {
    case 'quest': {
      const title = questById(c.questId)?.title ?? c.questId;
      return `Needs the job "${title}" (${c.in.join(' or ')})`;
    }
    case 'flag':
      return flagText(c);
    case 'standing':
      return standingText(c);
    case 'attribute':
      return `Requires ${attributeLabel(c.attribute)} ${c.atLeast}`;
    case 'level':
      return levelText(c.atLeast);
    case 'class':
      return classText(c.classes);
    case 'check':
      return c.passed ? 'You have not pulled that off yet' : 'Already done';
  }
}

/** The first condition that fails (undefined: all hold). */
export const firstUnmet = (conds: readonly DialogueCondition[], f: DialogueFacts) =>
  conds.find((c) => !conditionHolds(c, f));
