import type { Quest, QuestUpdateMsg } from '@necp/shared';
import type { Advanced } from './progress';

export const progressNotice = (quest: Quest, a: Advanced, ready: boolean): QuestUpdateMsg => ({
  questId: quest.id,
  title: quest.title,
  kind: ready ? 'ready' : 'progress',
  objective: {
    id: a.objective.id,
    label: a.objective.label,
    progress: a.progress,
    target: a.target,
  },
});

export const failedNotice = (quest: Quest, reason: string): QuestUpdateMsg => ({
  questId: quest.id,
  title: quest.title,
  kind: 'failed',
  reason,
});

/** A notice addressed to one character (subscribers collect these and send them after commit). */
export interface CharacterNotice {
  characterId: string;
  msg: QuestUpdateMsg;
}
