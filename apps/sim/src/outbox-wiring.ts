/**
 * What the sim's outbox worker delivers to: the quest and reputation subscribers
 * of packages/game, whose after-commit notices go to the player's socket room, the
 * achievement subscriber (its toasts travel as notification.created), guild renown,
 * the sim's own reactions to account, stats, title and guild membership changes
 * (session/outbox-reactions.ts),
 * the leaderboards' subscriber (with Redis), the public pages' revalidation (with
 * WEB_INTERNAL_URL: public-pages/page-revalidator.ts), and the daily cleanup and leaderboard
 * jobs. main.ts starts it; tests build the same wiring with subscribers of their own.
 *
 * The worker runs on the nodes with OUTBOX_WORKER=on and takes each event once; what
 * it reacts with must reach every node: rooms (emit, disconnectSockets) and
 * serverSideEmit go through the Socket.IO adapter (Redis when there are several).
 */
import type {
  GuildUpdateMsg,
  KickMsg,
  NotificationView,
  QuestUpdateMsg,
  ReputationChangedMsg,
} from '@necp/shared';
import {
  DAILY_CLEANUP_CRONTAB,
  DAILY_CLEANUP_TASK,
  LEADERBOARD_REFRESH_CRONTAB,
  LEADERBOARD_REFRESH_TASK,
  OutboxSubscribers,
  achievementOutboxSubscriber,
  leaderboardOutboxSubscriber,
  publicPageOutboxSubscriber,
  questOutboxSubscriber,
  refreshLeaderboards,
  renownOutboxSubscriber,
  reputationOutboxSubscriber,
  runDailyCleanup,
  startOutboxWorker,
  type AchievementSubscriberOptions,
  type Clock,
  type GameDeps,
  type LeaderboardSubscriberOptions,
  type OutboxSubscriber,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type PublicPageSubscriberOptions,
  type QuestSubscriberOptions,
  type RenownSubscriberOptions,
  type ReputationSubscriberOptions,
} from '@necp/game';
import type { SimIo } from './net/types';
import {
  accessSubscriber,
  guildSubscriber,
  notificationSubscriber,
  statsSubscriber,
  titleSubscriber,
  type AccessKick,
  type GuildReactions,
} from './session/outbox-reactions';
import { characterRoom, guildRoom, loginSessionRoom, userRoom } from './net/rooms';

/** Tells a character (or an account) about changes made outside its own requests. */
export interface CharacterNotifier {
  quest(characterId: string, msg: QuestUpdateMsg): void;
  reputation(characterId: string, msg: ReputationChangedMsg): void;
  /** disconnects every socket of the account, on every node, telling it why */
  kickAccount(userId: string, msg: KickMsg): void;
  /** the same for the sockets one web login session opened (it signed out) */
  kickLoginSession(sessionId: string, msg: KickMsg): void;
  /** the database changed the character's derived stats: the node holding its socket re-reads them */
  statsChanged(characterId: string): void;
  /** the character chose another title (null: none): the zone holding it shows it */
  titleChanged(characterId: string, title: string | null): void;
  /** guild membership changes and invitations (rooms and pushes, on every node) */
  guild: GuildReactions;
  /** a notification for the character (the bell) */
  notification(characterId: string, msg: Omit<NotificationView, 'read'>): void;
}

/**
 * Notices through rooms and the adapter. `localStats` is this node's reaction to a
 * stats change (the others hear it through serverSideEmit, which never loops back).
 */
export function roomNotifier(
  io: SimIo,
  localStats: (characterId: string) => void = () => undefined,
  opts: {
    crossNode?: boolean;
    /** this node's reaction to a title change (the others hear it through serverSideEmit) */
    localTitle?: (characterId: string, title: string | null) => void;
  } = {},
): CharacterNotifier {
  return {
    quest: (characterId, msg) => void io.to(characterRoom(characterId)).emit('quest:update', msg),
    reputation: (characterId, msg) =>
      void io.to(characterRoom(characterId)).emit('reputation:changed', msg),
    kickAccount: (userId, msg) => kickRoom(io, userRoom(userId), msg),
    kickLoginSession: (sessionId, msg) => kickRoom(io, loginSessionRoom(sessionId), msg),
    statsChanged: (characterId) => {
      localStats(characterId);
      // the in-memory adapter (one process, no Redis) has no other node and only warns
      if (opts.crossNode) io.serverSideEmit('char:stats_changed', characterId);
    },
    titleChanged: (characterId, title) => {
      opts.localTitle?.(characterId, title);
      if (opts.crossNode) io.serverSideEmit('char:title_changed', characterId, title);
    },
    guild: guildRoomReactions(io),
    notification: (characterId, msg) =>
      void io.to(characterRoom(characterId)).emit('notification:new', msg),
  };
}

/**
 * Guild rooms follow the database: socketsJoin / socketsLeave by character room go
 * through the adapter to whichever node holds the sockets (both are no-ops when
 * repeated, so a redelivered event changes nothing).
 */
function guildRoomReactions(io: SimIo): GuildReactions {
  return {
    membership: (characterId, guildId, stale) => {
      const mine = io.in(characterRoom(characterId));
      const leave = stale.filter((g) => g !== guildId).map(guildRoom);
      if (leave.length > 0) mine.socketsLeave(leave);
      if (guildId) mine.socketsJoin(guildRoom(guildId));
      const msg: GuildUpdateMsg = { guildId };
      io.to(characterRoom(characterId)).emit('guild:update', msg);
    },
    rosterChanged: (guildId, characterId) => {
      const msg: GuildUpdateMsg = { guildId };
      io.to(guildRoom(guildId)).except(characterRoom(characterId)).emit('guild:update', msg);
    },
    invited: (characterId, msg) =>
      void io.to(characterRoom(characterId)).emit('guild:invited', msg),
  };
}

function kickRoom(io: SimIo, room: string, msg: KickMsg): void {
  // both go out on the adapter in this order, so the reason arrives before the close
  io.to(room).emit('session:kicked', msg);
  io.in(room).disconnectSockets(true);
}

/** How the subscribers are made (the domain's by default; tests pass their own). */
export interface SimSubscriberFactories {
  quests(opts: QuestSubscriberOptions): OutboxSubscriber;
  reputation(opts: ReputationSubscriberOptions): OutboxSubscriber;
  achievements(opts: AchievementSubscriberOptions): OutboxSubscriber;
  renown(opts: RenownSubscriberOptions): OutboxSubscriber;
  access(kick: AccessKick): OutboxSubscriber;
  stats(refresh: (characterId: string) => void): OutboxSubscriber;
  titles(retitle: (characterId: string, title: string | null) => void): OutboxSubscriber;
  guild(react: GuildReactions): OutboxSubscriber;
  notifications(
    clock: Pick<Clock, 'ms'>,
    push: (characterId: string, msg: Omit<NotificationView, 'read'>) => void,
  ): OutboxSubscriber;
  /** the leaderboards' sorted sets (only with Redis; absent: not registered) */
  leaderboards?(opts: LeaderboardSubscriberOptions): OutboxSubscriber;
  /** which public pages changed (only with a revalidation sink; absent: not registered) */
  publicPages?(opts: PublicPageSubscriberOptions): OutboxSubscriber;
}

export const DOMAIN_SUBSCRIBERS: SimSubscriberFactories = {
  quests: questOutboxSubscriber,
  reputation: reputationOutboxSubscriber,
  achievements: achievementOutboxSubscriber,
  renown: renownOutboxSubscriber,
  access: accessSubscriber,
  stats: statsSubscriber,
  titles: titleSubscriber,
  guild: guildSubscriber,
  notifications: notificationSubscriber,
  leaderboards: leaderboardOutboxSubscriber,
  publicPages: publicPageOutboxSubscriber,
};

/** The subscribers the sim's worker delivers to, notifying through `notifier` after commit. */
export function simOutboxSubscribers(
  deps: Pick<GameDeps, 'clock' | 'log' | 'redis'>,
  notifier: CharacterNotifier,
  factories: SimSubscriberFactories = DOMAIN_SUBSCRIBERS,
  /** takes the paths of public pages that changed (the web is told); absent: pages expire in their minute */
  revalidatePages?: (paths: readonly string[]) => void,
): OutboxSubscribers {
  const subs = new OutboxSubscribers()
    // first: it takes the Season row (FOR SHARE), which comes before every character row
    // the others lock in the same event's transaction (the season end holds it FOR UPDATE)
    .subscribe(
      factories.renown({ clock: deps.clock, log: deps.log.child({ subscriber: 'guild-renown' }) }),
    )
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
    )
    .subscribe(
      factories.achievements({
        clock: deps.clock,
        log: deps.log.child({ subscriber: 'achievements' }),
      }),
    )
    .subscribe(
      factories.access((target, msg) =>
        'sessionId' in target
          ? notifier.kickLoginSession(target.sessionId, msg)
          : notifier.kickAccount(target.userId, msg),
      ),
    )
    .subscribe(factories.stats((characterId) => notifier.statsChanged(characterId)))
    .subscribe(factories.titles((characterId, title) => notifier.titleChanged(characterId, title)))
    .subscribe(factories.guild(notifier.guild))
    .subscribe(
      factories.notifications(deps.clock, (characterId, msg) =>
        notifier.notification(characterId, msg),
      ),
    );
  // without Redis the boards are read from PostgreSQL and need no feeding. Last: it takes
  // only advisory locks, after the row locks the others took in the same event's transaction
  if (deps.redis && factories.leaderboards)
    subs.subscribe(
      factories.leaderboards({
        redis: deps.redis,
        clock: deps.clock,
        log: deps.log.child({ subscriber: 'leaderboards' }),
      }),
    );
  // after the leaderboards: the pages are read again once both have committed
  if (revalidatePages && factories.publicPages)
    subs.subscribe(factories.publicPages({ revalidate: revalidatePages }));
  return subs;
}

/**
 * Scheduled jobs of the same worker (each instant once across all nodes): the daily
 * cleanup (00:05 UTC) and, with Redis, the leaderboards' minute job (missing boards
 * rebuilt, wealth from the ledger, bans that ran out).
 */
export function simScheduledJobs(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log' | 'redis'>,
): NonNullable<OutboxWorkerOptions['scheduled']> {
  const { redis } = deps;
  const tasks: Record<string, () => Promise<void>> = {
    [DAILY_CLEANUP_TASK]: () => runDailyCleanup(deps),
  };
  const crontab = [DAILY_CLEANUP_CRONTAB];
  if (redis) {
    tasks[LEADERBOARD_REFRESH_TASK] = async () => {
      await refreshLeaderboards({ ...deps, redis });
    };
    crontab.push(LEADERBOARD_REFRESH_CRONTAB);
  }
  return { tasks, crontab };
}

/**
 * How often graphile-worker polls when LISTEN/NOTIFY is quiet. Events normally wake
 * the worker at once (the OutboxEvent trigger's add_job NOTIFYs on commit), so bans
 * and stats changes land well within a second; the poll is the fallback for a
 * notification missed while the worker's LISTEN connection was being re-established.
 */
export const OUTBOX_POLL_INTERVAL_MS = 1000;

/** Runs the outbox worker in this process with the sim's subscribers and jobs. */
export function startSimOutboxWorker(
  deps: GameDeps,
  notifier: CharacterNotifier,
  opts: {
    connectionString?: string;
    factories?: SimSubscriberFactories;
    revalidatePages?: (paths: readonly string[]) => void;
  } = {},
): Promise<OutboxWorker> {
  const subs = simOutboxSubscribers(deps, notifier, opts.factories, opts.revalidatePages);
  return startOutboxWorker(deps, subs, {
    ...(opts.connectionString ? { connectionString: opts.connectionString } : {}),
    pollInterval: OUTBOX_POLL_INTERVAL_MS,
    scheduled: simScheduledJobs(deps),
  });
}
