// PLACEHOLDER (lead): signatures pinned for the routers, sim and web; the quests helper replaces this file.
import type {
  AbandonQuestInput,
  AcceptQuestInput,
  QuestChangeResult,
  QuestLogView,
  QuestUpdateMsg,
  ReputationChangedMsg,
  TurnInQuestInput,
  TurnInResult,
} from '@necp/shared';
import type { Clock } from '../core/clock';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import type { Log } from '../core/log';
import type { OutboxSubscriber } from '../outbox/subscribers';

const todo = (): never => {
  throw new DomainError('INVALID_STATE', 'not implemented yet', 'Not available yet');
};
type Owned<T> = T & { userId: string };

export async function getQuestLog(
  _deps: GameDeps,
  _input: Owned<{ characterId: string }>,
): Promise<QuestLogView> {
  return todo();
}
export async function acceptQuest(
  _deps: GameDeps,
  _input: Owned<AcceptQuestInput>,
): Promise<QuestChangeResult> {
  return todo();
}
export async function abandonQuest(
  _deps: GameDeps,
  _input: Owned<AbandonQuestInput>,
): Promise<QuestChangeResult> {
  return todo();
}
export async function turnInQuest(
  _deps: GameDeps,
  _input: Owned<TurnInQuestInput>,
): Promise<TurnInResult> {
  return todo();
}

export interface QuestSubscriberOptions {
  clock: Clock;
  log: Log;
  /** called after commit for every quest of a character that progressed, became ready or failed */
  notify(characterId: string, msg: QuestUpdateMsg): void;
}
/** Outbox subscriber `quests`: npc.killed, item.picked_up, area.entered, item.used. */
export function questOutboxSubscriber(_opts: QuestSubscriberOptions): OutboxSubscriber {
  return { name: 'quests', types: [], handle: async () => todo() };
}

export interface ReputationSubscriberOptions {
  log: Log;
  notify(characterId: string, msg: ReputationChangedMsg): void;
}
/** Outbox subscriber `reputation`: npc.killed → standing changes for the killers. */
export function reputationOutboxSubscriber(_opts: ReputationSubscriberOptions): OutboxSubscriber {
  return { name: 'reputation', types: [], handle: async () => todo() };
}

/** graphile-worker task name and crontab line (UTC) of the daily cleanup. */
export const DAILY_CLEANUP_TASK = 'daily_cleanup';
export const DAILY_CLEANUP_CRONTAB = `5 0 * * * ${DAILY_CLEANUP_TASK}`;
/** Deletes rows of past periods (quest rows of old dailies/weeklies, vendor stock, applied-event keys). */
export async function runDailyCleanup(
  _deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
): Promise<void> {
  return todo();
}
