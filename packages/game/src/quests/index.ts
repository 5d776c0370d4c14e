// The quest domain's entry points (routers, sim, other domains); internals stay in their files.
export { acceptQuest, abandonQuest } from './accept-quest';
export { turnInQuest } from './turn-in-quest';
export { creditQuestAction, reportQuestAction } from './quest-actions';
export { startQuestsGivenAtCreationTx } from './given-at-creation';
export { getQuestLog, questLogOf } from './quest-log';
export { applyQuestTrigger, type TriggerEventKey } from './apply-trigger';
export type { QuestTrigger } from './progress';
export type { QuestFailReason } from './fail-quests';
export { questStatus, acceptRefusal } from './status';
export { readQuestContext, type QuestContext } from './context';
export { questView } from './views';
export { activeQuestIds } from './active-quest-ids';
export { questOutboxSubscriber, type QuestSubscriberOptions } from './quest-subscriber';
export {
  reputationOutboxSubscriber,
  killReputationDeltas,
  KILL_STANDING_LOSS,
  type ReputationSubscriberOptions,
} from './reputation-subscriber';
export {
  runDailyCleanup,
  cleanUpPastPeriods,
  DAILY_CLEANUP_TASK,
  DAILY_CLEANUP_CRONTAB,
  APPLIED_EVENT_RETENTION_DAYS,
  type DailyCleanupResult,
  type DailyCleanupScope,
} from './daily-cleanup';
