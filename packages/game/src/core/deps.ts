import type { Db, Tx } from '@necp/db';
import type { Redis } from 'ioredis';
import type { Clock } from './clock';
import type { Log } from './log';
import type { Rng } from './rng';

/**
 * What every domain service takes as its first argument. The transport (tRPC
 * router, socket handler) builds it once per process; tests build it with a
 * fake clock and a seeded RNG.
 */
export interface GameDeps {
  db: Db;
  clock: Clock;
  rng: Rng;
  log: Log;
  /** absent in single-process mode: services fall back to in-memory equivalents */
  redis?: Redis;
  config: GameConfig;
}

export interface GameConfig {
  /** HMAC secret shared by web (mints) and sim (verifies) for sim tickets */
  simTicketSecret: string;
  /** where browsers connect to the sim */
  simPublicUrl: string;
  /** new accounts per client IP per hour (default: REGISTER_IP_LIMIT's 30) */
  registrationsPerIpPerHour?: number;
  /** words the chat filter masks besides its built-in English list (operator's CHAT_FILTER_WORDS) */
  chatFilterWords?: readonly string[];
  /** how long item or eddies mail between strangers waits (default MAIL_DELIVERY_DELAY_MS; mail/delivery.ts) */
  mailDeliveryDelayMs?: number;
}

export type { Db, Tx };
