// PLACEHOLDER (lead): signatures pinned for the routers and web; the quests/dialogue helper replaces this file.
import type { DialogueChooseInput, DialogueOpenInput, DialogueView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';

const todo = (): never => {
  throw new DomainError('INVALID_STATE', 'not implemented yet', 'Not available yet');
};
export async function openDialogue(
  _deps: GameDeps,
  _input: DialogueOpenInput & { userId: string },
): Promise<DialogueView> {
  return todo();
}
export async function chooseDialogue(
  _deps: GameDeps,
  _input: DialogueChooseInput & { userId: string },
): Promise<DialogueView> {
  return todo();
}
