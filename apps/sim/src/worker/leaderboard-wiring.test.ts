// The leaderboards in the sim's outbox wiring: with Redis its subscriber hears the
// events that move the boards and the minute job is scheduled; without Redis neither
// (the boards are then read from PostgreSQL and need no feeding).
import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { Db } from '@necp/db';
import {
  DAILY_CLEANUP_CRONTAB,
  DAILY_CLEANUP_TASK,
  TRADE_EXPIRY_CRONTAB,
  AUCTION_SETTLE_CRONTAB,
  AUCTION_SETTLE_TASK,
  CRAFT_FINISH_CRONTAB,
  CRAFT_FINISH_TASK,
  MARKET_CRONTAB,
  MARKET_TASK,
  CONTRACT_CRONTAB,
  CONTRACT_TASK,
  TRADE_EXPIRY_TASK,
  LEADERBOARD_REFRESH_CRONTAB,
  LEADERBOARD_REFRESH_TASK,
  createLog,
  systemClock,
} from '@necp/game';
import { simOutboxSubscribers, simScheduledJobs } from './outbox-wiring';

const log = createLog('test', 'silent');
// nothing is queried here: the wiring is only built
const db = {} as Db;

describe('leaderboard wiring', () => {
  it('with Redis: the leaderboards subscriber and the minute job', () => {
    const redis = new Redis({ lazyConnect: true });
    const subs = simOutboxSubscribers({ clock: systemClock, log, redis });
    for (const t of [
      'character.leveled',
      'npc.killed',
      'achievement.earned',
      'character.created',
      'character.deleted',
      'guild.member_joined',
      'guild.disbanded',
      'account.access_changed',
    ] as const)
      expect(subs.forType(t).map((s) => s.name)).toContain('leaderboards');
    const jobs = simScheduledJobs({ db, clock: systemClock, log, redis });
    expect(Object.keys(jobs.tasks)).toEqual([
      DAILY_CLEANUP_TASK,
      TRADE_EXPIRY_TASK,
      AUCTION_SETTLE_TASK,
      CRAFT_FINISH_TASK,
      MARKET_TASK,
      CONTRACT_TASK,
      LEADERBOARD_REFRESH_TASK,
    ]);
    expect(jobs.crontab).toEqual([
      DAILY_CLEANUP_CRONTAB,
      TRADE_EXPIRY_CRONTAB,
      AUCTION_SETTLE_CRONTAB,
      CRAFT_FINISH_CRONTAB,
      MARKET_CRONTAB,
      CONTRACT_CRONTAB,
      LEADERBOARD_REFRESH_CRONTAB,
    ]);
    expect(LEADERBOARD_REFRESH_CRONTAB).toBe(`* * * * * ${LEADERBOARD_REFRESH_TASK}`);
    redis.disconnect();
  });

  it('without Redis: neither', () => {
    const subs = simOutboxSubscribers({ clock: systemClock, log });
    // guild renown is PostgreSQL only: it runs without Redis too
    expect(subs.forType('achievement.earned').map((s) => s.name)).toEqual(['guild-renown']);
    expect(subs.forType('character.leveled').map((s) => s.name)).not.toContain('leaderboards');
    expect(Object.keys(simScheduledJobs({ db, clock: systemClock, log }).tasks)).toEqual([
      DAILY_CLEANUP_TASK,
      TRADE_EXPIRY_TASK,
      AUCTION_SETTLE_TASK,
      CRAFT_FINISH_TASK,
      MARKET_TASK,
      CONTRACT_TASK,
    ]);
  });
});
