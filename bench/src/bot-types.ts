/**
 * What a bot shares with its fight, the swarm and the bot threads — its socket and
 * its counters — kept apart from bot.ts so the fight (bot-fight.ts) can use them
 * without importing the bot.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@necp/shared';

export type BotSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Counted over the measured window (reset at its start). */
export interface BotCounters {
  bytesIn: number;
  bytesOut: number;
  snapshots: number;
  moves: number;
  /** combat:use sent / acked ok / refused by code */
  uses: number;
  usesOk: number;
  refusals: Record<string, number>;
  /** combat events in snapshots where this bot was the source */
  hits: number;
  kills: number;
  deaths: number;
  respawns: number;
  ackTimeouts: number;
  /** acks with an error that is not a combat refusal, by code */
  ackErrors: Record<string, number>;
  /** net:ping round trips, ms */
  rtts: number[];
  /** entities in view, summed over ticks, and the number of ticks */
  viewSum: number;
  npcViewSum: number;
  viewTicks: number;
  /** ms from sending each input to the first snapshot acknowledging it */
  inputLatencies: number[];
}

export const newCounters = (): BotCounters => ({
  bytesIn: 0,
  bytesOut: 0,
  snapshots: 0,
  moves: 0,
  uses: 0,
  usesOk: 0,
  refusals: {},
  hits: 0,
  kills: 0,
  deaths: 0,
  respawns: 0,
  ackTimeouts: 0,
  ackErrors: {},
  rtts: [],
  viewSum: 0,
  npcViewSum: 0,
  viewTicks: 0,
  inputLatencies: [],
});
