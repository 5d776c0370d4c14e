import { questById, type Quest } from '@necp/shared';
import { DomainError } from '../core/errors';

export function questOrThrow(questId: string): Quest {
  const q = questById(questId);
  if (!q) throw new DomainError('NOT_FOUND', `quest ${questId} not found`, 'Unknown quest');
  return q;
}

/** A rule of the quest state machine refused the change (the player's line in `why`). */
export const questRefused = (questId: string, why: string) =>
  new DomainError('INVALID_STATE', `quest ${questId}: ${why}`, why);
