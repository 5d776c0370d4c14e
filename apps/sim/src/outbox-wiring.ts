/**
 * What the sim's outbox worker delivers to: the quest and reputation subscribers
 * of packages/game, whose after-commit notices go to the player's socket room,
 * and the daily cleanup job. main.ts starts it; tests build the same wiring with
 * subscribers of their own.
 */
import type { QuestUpdateMsg, ReputationChangedMsg } from '@necp/shared';
import {
  DAILY_CLEANUP_CRONTAB,
  DAILY_CLEANUP_TASK,
  OutboxSubscribers,
  questOutboxSubscriber,
  reputationOutboxSubscriber,
  runDailyCleanup,
  startOutboxWorker,
  type GameDeps,
  type OutboxSubscriber,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type QuestSubscriberOptions,
  type ReputationSubscriberOptions,
} from '@necp/game';
import type { SimIo } from './net/types';

/**
 * The Socket.IO room of one character: each of its connections joins it, so a
 * notice reaches the player whichever sim node holds the socket (Redis adapter)
 * and whichever zone the character is in.
 */
export const characterRoom = (characterId: string) => `char:${characterId}`;

/** Tells a character about changes made outside its own requests. */
export interface CharacterNotifier {
  quest(characterId: string, msg: QuestUpdateMsg): void;
  reputation(characterId: string, msg: ReputationChangedMsg): void;
}

export function roomNotifier(io: SimIo): CharacterNotifier {
  return {
    quest: (characterId, msg) => void io.to(characterRoom(characterId)).emit('quest:update', msg),
    reputation: (characterId, msg) =>
      void io.to(characterRoom(characterId)).emit('reputation:changed', msg),
  };
}

/** How the subscribers are made (the domain's by default; tests pass their own). */
export interface SimSubscriberFactories {
  quests(opts: QuestSubscriberOptions): OutboxSubscriber;
  reputation(opts: ReputationSubscriberOptions): OutboxSubscriber;
}

export const DOMAIN_SUBSCRIBERS: SimSubscriberFactories = {
  quests: questOutboxSubscriber,
  reputation: reputationOutboxSubscriber,
};

/** The subscribers the sim's worker delivers to, notifying through `notifier` after commit. */
export function simOutboxSubscribers(
  deps: Pick<GameDeps, 'clock' | 'log'>,
  notifier: CharacterNotifier,
  factories: SimSubscriberFactories = DOMAIN_SUBSCRIBERS,
): OutboxSubscribers {
  return new OutboxSubscribers()
    .subscribe(
      factories.quests({
        clock: deps.clock,
        log: deps.log.child({ subscriber: 'quests' }),
        notify: (characterId, msg) => notifier.quest(characterId, msg),
      }),
    )
    .subscribe(
      factories.reputation({
        log: deps.log.child({ subscriber: 'reputation' }),
        notify: (characterId, msg) => notifier.reputation(characterId, msg),
      }),
    );
}

/** Scheduled jobs of the same worker: the daily cleanup (00:05 UTC, once across all nodes). */
export function simScheduledJobs(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
): NonNullable<OutboxWorkerOptions['scheduled']> {
  return {
    tasks: { [DAILY_CLEANUP_TASK]: () => runDailyCleanup(deps) },
    crontab: [DAILY_CLEANUP_CRONTAB],
  };
}

/** Runs the outbox worker in this process with the sim's subscribers and jobs. */
export function startSimOutboxWorker(
  deps: GameDeps,
  io: SimIo,
  opts: { connectionString?: string; factories?: SimSubscriberFactories } = {},
): Promise<OutboxWorker> {
  return startOutboxWorker(deps, simOutboxSubscribers(deps, roomNotifier(io), opts.factories), {
    ...(opts.connectionString ? { connectionString: opts.connectionString } : {}),
    scheduled: simScheduledJobs(deps),
  });
}
