/**
 * What the worker role's outbox worker (worker.ts) delivers to: the quest and reputation
 * subscribers of packages/game, the achievement subscriber (its toasts travel as
 * notification.created), guild renown, the reactions to account, stats, title, guild
 * membership and block changes, notifications, the leaderboards' subscriber (with Redis),
 * the public pages' revalidation (with WEB_INTERNAL_URL: page-revalidator.ts), and the
 * daily cleanup and leaderboard jobs. worker.ts starts it; tests build the same wiring
 * with subscribers of their own, some beside a sim in one process.
 *
 * Each event is taken once however many workers run; what the subscribers push goes,
 * after their commit, to the push dispatcher (net/push-dispatcher.ts), whose rooms
 * reach every sim through the cluster bus.
 */
import type { PushSink } from '@necp/shared';
import {
  DAILY_CLEANUP_CRONTAB,
  DAILY_CLEANUP_TASK,
  LEADERBOARD_REFRESH_CRONTAB,
  LEADERBOARD_REFRESH_TASK,
  OutboxSubscribers,
  TRADE_EXPIRY_CRONTAB,
  TRADE_EXPIRY_TASK,
  AUCTION_SETTLE_CRONTAB,
  AUCTION_SETTLE_TASK,
  MARKET_CRONTAB,
  MARKET_TASK,
  runMarketTick,
  CONTRACT_CRONTAB,
  CONTRACT_TASK,
  runContractTimeouts,
  contractOutboxSubscriber,
  CRAFT_FINISH_CRONTAB,
  CRAFT_FINISH_TASK,
  expireTrades,
  finishDueCrafts,
  settleDueAuctions,
  accessOutboxSubscriber,
  achievementOutboxSubscriber,
  blockOutboxSubscriber,
  guildOutboxSubscriber,
  leaderboardOutboxSubscriber,
  notificationOutboxSubscriber,
  publicPageOutboxSubscriber,
  questOutboxSubscriber,
  refreshLeaderboards,
  renownOutboxSubscriber,
  reputationOutboxSubscriber,
  runDailyCleanup,
  startOutboxWorker,
  statsOutboxSubscriber,
  titleOutboxSubscriber,
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
  type RetryPolicy,
} from '@necp/game';

/** How the subscribers are made (the domain's by default; tests pass their own). */
export interface SimSubscriberFactories {
  quests(opts: QuestSubscriberOptions): OutboxSubscriber;
  reputation(opts: ReputationSubscriberOptions): OutboxSubscriber;
  achievements(opts: AchievementSubscriberOptions): OutboxSubscriber;
  renown(opts: RenownSubscriberOptions): OutboxSubscriber;
  access(): OutboxSubscriber;
  stats(): OutboxSubscriber;
  titles(): OutboxSubscriber;
  guild(): OutboxSubscriber;
  blocks(): OutboxSubscriber;
  notifications(clock: Pick<Clock, 'ms'>): OutboxSubscriber;
  /** kills counted toward taken kill contracts */
  contracts(): OutboxSubscriber;
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
  access: accessOutboxSubscriber,
  stats: statsOutboxSubscriber,
  titles: titleOutboxSubscriber,
  guild: guildOutboxSubscriber,
  blocks: blockOutboxSubscriber,
  notifications: notificationOutboxSubscriber,
  contracts: contractOutboxSubscriber,
  leaderboards: leaderboardOutboxSubscriber,
  publicPages: publicPageOutboxSubscriber,
};

/** The subscribers the sim's worker delivers to (their pushes go out after each commit). */
export function simOutboxSubscribers(
  deps: Pick<GameDeps, 'clock' | 'log' | 'redis'>,
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
      factories.quests({ clock: deps.clock, log: deps.log.child({ subscriber: 'quests' }) }),
    )
    .subscribe(factories.reputation({ log: deps.log.child({ subscriber: 'reputation' }) }))
    .subscribe(
      factories.achievements({
        clock: deps.clock,
        log: deps.log.child({ subscriber: 'achievements' }),
      }),
    )
    .subscribe(factories.access())
    .subscribe(factories.stats())
    .subscribe(factories.titles())
    .subscribe(factories.guild())
    .subscribe(factories.blocks())
    .subscribe(factories.notifications(deps.clock))
    .subscribe(factories.contracts());
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
 * cleanup (00:05 UTC), the idle trades' sweep, the auctions' settlement and the crafts whose
 * cast is over (every minute) and,
 * with Redis, the leaderboards' minute job (missing boards
 * rebuilt, wealth from the ledger, bans that ran out).
 */
export function simScheduledJobs(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log' | 'redis'>,
): NonNullable<OutboxWorkerOptions['scheduled']> {
  const { redis } = deps;
  const tasks: Record<string, () => Promise<void>> = {
    [DAILY_CLEANUP_TASK]: () => runDailyCleanup(deps),
    // trades idle past their time (or whose sim went away): items freed (game/trade)
    [TRADE_EXPIRY_TASK]: async () => {
      await expireTrades(deps);
    },
    // auctions past their end: sold or expired, delivered by mail, each once (game/auction)
    [AUCTION_SETTLE_TASK]: async () => {
      await settleDueAuctions(deps);
    },
    // crafts past their cast: finished once, even when the crafter closed the game (game/crafting)
    [CRAFT_FINISH_TASK]: async () => {
      await finishDueCrafts(deps);
    },
    // the market: orders a dead process left waiting matched, due ones expired (game/market)
    [MARKET_TASK]: async () => {
      await runMarketTick(deps);
    },
    // contracts: acceptance windows, delivery deadlines, the 72 h release (game/contracts)
    [CONTRACT_TASK]: async () => {
      await runContractTimeouts(deps);
    },
  };
  const crontab = [
    DAILY_CLEANUP_CRONTAB,
    TRADE_EXPIRY_CRONTAB,
    AUCTION_SETTLE_CRONTAB,
    CRAFT_FINISH_CRONTAB,
    MARKET_CRONTAB,
    CONTRACT_CRONTAB,
  ];
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

/** Runs the outbox worker in this process with the sim's subscribers and jobs; pushes go to `push`. */
export function startSimOutboxWorker(
  deps: GameDeps,
  push: PushSink,
  opts: {
    connectionString?: string;
    factories?: SimSubscriberFactories;
    revalidatePages?: (paths: readonly string[]) => void;
    /** when a failed delivery is tried again (default: DEFAULT_RETRY_POLICY, 1 s doubling) */
    retry?: Partial<RetryPolicy>;
  } = {},
): Promise<OutboxWorker> {
  const subs = simOutboxSubscribers(deps, opts.factories, opts.revalidatePages);
  return startOutboxWorker(deps, subs, {
    push,
    ...(opts.connectionString ? { connectionString: opts.connectionString } : {}),
    ...(opts.retry ? { retry: opts.retry } : {}),
    pollInterval: OUTBOX_POLL_INTERVAL_MS,
    scheduled: simScheduledJobs(deps),
  });
}
