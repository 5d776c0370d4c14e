/** Messages between the bench's main thread and its swarm worker threads. */
import type { BotBehaviour, BotCounters } from './bot';
import type { Square } from './move-workload';
import type { BotIdentity } from './population';

/** How the connect phase went. */
export interface ConnectReport {
  connected: number;
  /** failed attempts by code (a bot is retried once with a fresh ticket) */
  failures: Record<string, number>;
  seconds: number;
}

export interface SwarmWorkerData {
  identities: BotIdentity[];
  url: string;
  behaviour: BotBehaviour;
  secret: string;
  square?: Square;
  seed?: number;
}

/** What a swarm knows at one moment (counters since the last reset). */
export interface SwarmSnapshot {
  counters: BotCounters[];
  connected: number;
  disconnects: Record<string, number>[];
  kicked: (string | null)[];
  /** each joined bot's connect → zone:welcome, ms (not reset by the window) */
  joinMs: number[];
}

export type SwarmRequest =
  | { type: 'connect'; perSecond: number }
  | { type: 'reset' }
  | { type: 'collect' }
  | { type: 'close' };

export type SwarmReply =
  | { type: 'progress'; done: number }
  | { type: 'connected'; report: ConnectReport }
  | { type: 'collected'; snapshot: SwarmSnapshot }
  | { type: 'ok' };
