/** What the sim tells players in and around instances (socket pushes), and instance:leave. */
import { z } from 'zod';
import type { GroupRole } from '../matchmaking/queue-rules';
import type { ArenaBracket } from '../rating/arena-brackets';

/**
 * You are moving into (`enter`) or out of (`leave`) an instance: show the
 * transition, close this connection and fetch a new ticket — it names the sim
 * process that runs where you are going.
 */
export interface InstanceTransferMsg {
  direction: 'enter' | 'leave';
  kind: 'arena' | 'dungeon' | 'raid';
  /** the instance's (enter) or the open world's (leave) zone name, for the transition */
  zoneName: string;
  reason?: 'finished' | 'closed' | 'left';
}

export interface ArenaMemberState {
  characterId: string;
  /** the entity in the instance (null: not arrived) */
  eid: number | null;
  name: string;
  health: number;
  maxHealth: number;
  dead: boolean;
  /** damage dealt to the other team so far */
  damage: number;
  kills: number;
}

/** The arena's scoreboard, every ARENA_STATE_MS to everyone inside. */
export interface ArenaStateMsg {
  matchId: string;
  bracket: ArenaBracket;
  phase: 'waiting' | 'countdown' | 'fighting' | 'over';
  /** ms until the phase ends (waiting: the arrival deadline; countdown: gates open; fighting: the timer) */
  phaseLeftMs: number;
  /** your team's index in `teams` */
  you: number;
  teams: ArenaMemberState[][];
}

export interface ArenaRatingChange {
  characterId: string;
  name: string;
  team: number;
  before: number;
  after: number;
}

/** How the match ended; everyone is sent back ARENA_RETURN_MS later. */
export interface ArenaResultMsg {
  matchId: string;
  bracket: ArenaBracket;
  /** the winning team's index; null: a draw */
  winner: number | null;
  by: 'defeat' | 'timer' | 'forfeit';
  you: number;
  ratings: ArenaRatingChange[];
  returnInMs: number;
}

/** A dungeon's or raid's boss is down: everyone inside is credited; the instance closes `closeInMs` later. */
export interface InstanceClearedMsg {
  matchId: string;
  kind: 'dungeon' | 'raid';
  /** the dungeon's or raid's template id */
  templateId: string;
  /** its name, for the toast */
  name: string;
  closeInMs: number;
}

/** instance:leave carries nothing: you leave the instance you are in. */
export const InstanceLeaveSchema = z.strictObject({});

/** Ack of instance:leave: where you are going back to, and whether leaving cost a queue penalty. */
export interface InstanceLeaveResult {
  /** the open-world zone's name (the transition follows as instance:transfer) */
  zoneName: string;
  /** ms you are barred from queueing (a dungeon left before its boss fell); null: free */
  penaltyMs: number | null;
}

/**
 * instance:roster — a dungeon group changed (docs/instances.md "Leaving and
 * backfill"): `left` someone left or dropped for good (`searching`: a replacement
 * with their role is being looked for), `found` a replacement accepted and is on
 * the way, `joined` they arrived.
 */
export interface InstanceRosterMsg {
  matchId: string;
  event: 'left' | 'found' | 'joined';
  characterId: string;
  name: string;
  role: GroupRole | null;
  /** left: a replacement is being looked for */
  searching: boolean;
}
