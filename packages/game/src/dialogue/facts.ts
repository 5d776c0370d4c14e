import type { Character, SkillCheckRoll } from '@necp/db';
import type { Tx } from '../core/deps';
import { lockQuestContext, refreshQuestContext, type QuestContext } from '../quests/context';

/** What dialogue conditions, checks and views are judged on. */
export interface DialogueFacts {
  ctx: QuestContext;
  /** skill checks rolled so far, by check id (the latest attempt) */
  rolls: Map<string, SkillCheckRoll>;
  /** skill id → level */
  skills: Map<string, number>;
}

async function extras(tx: Tx, characterId: string) {
  const rolls = await tx.skillCheckRoll.findMany({ where: { characterId } });
  const skills = await tx.characterSkill.findMany({
    where: { characterId },
    select: { skillId: true, level: true },
  });
  return {
    rolls: new Map(rolls.map((r) => [r.checkId, r])),
    skills: new Map(skills.map((s) => [s.skillId, s.level])),
  };
}

/** Locks the character's quest rows and reads the facts (the caller holds the character row). */
export async function lockDialogueFacts(tx: Tx, c: Character, now: Date): Promise<DialogueFacts> {
  const { ctx } = await lockQuestContext(tx, c, now);
  return { ctx, ...(await extras(tx, c.id)) };
}

/** Re-reads after effects changed quests, flags, standings or rolls. */
export async function refreshDialogueFacts(tx: Tx, f: DialogueFacts): Promise<DialogueFacts> {
  return { ctx: await refreshQuestContext(tx, f.ctx), ...(await extras(tx, f.ctx.characterId)) };
}
