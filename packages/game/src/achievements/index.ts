// The achievement domain's entry points (routers, the outbox worker); internals stay in their files.
export {
  achievementOutboxSubscriber,
  type AchievementSubscriberOptions,
} from './achievement-subscriber';
export { ACHIEVEMENT_EVENT_TYPES, type AchievementEventType } from './achievement-facts';
export { recordAchievementFact } from './record-progress';
export { readAchievements } from './read-achievements';
export { setAchievementTitle, shownTitle, titleText } from './set-title';
