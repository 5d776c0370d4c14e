// The matchmaking domain's entry points (the sim's handlers and matcher tick); docs/matchmaking.md.
export type {
  QueueTicket,
  TicketMember,
  MatchRecord,
  MatchState,
  ConfirmedMatch,
  BackfillSlot,
} from './tickets';
export {
  MATCH_CONFIRMED_TTL_MS,
  MATCH_PENDING_TTL_MS,
  type MatchmakingStore,
  type Whereabouts,
} from './matchmaking-store';
export { MemoryMatchmakingStore } from './memory-store';
export { RedisMatchmakingStore } from './redis-store';
export { createMatchmakingStore, type MatchmakingDeps } from './matchmaking-deps';
export { joinQueue, queueIdOf } from './join-queue';
export { leaveQueue } from './leave-queue';
export { readQueueStatus, type QueueStatusView } from './queue-status';
export {
  answerReadyCheck,
  expireReadyCheck,
  type ReadyCheckOutcome,
  type ReadyCheckDissolved,
} from './ready-check';
export {
  runMatchmakerTick,
  MATCHER_TICK_MS,
  MATCHER_SCAN_LIMIT,
  type MatchmakerTick,
} from './run-matchmaker';
export { releaseMatch } from './release-match';
export { recordMatchStarted } from './record-match-started';
export { finishArenaMatch, type ArenaParticipantChange } from './finish-arena-match';
export { penaliseQueueDodgers } from './penalties';
export { QueuePenaltyError, LevelRangeError } from './errors';
export { readQueuePenalty } from './queue-penalty-status';
export { withdrawPartyTicket } from './withdraw-party-ticket';
export { requestBackfill, withdrawBackfill, type RequestBackfillInput } from './backfill';
export { freeMatchMember } from './free-match-member';
