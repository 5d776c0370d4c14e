/** What the sim tells players in and around instances (socket pushes). */
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

/** The dungeon's boss is down: everyone inside is credited; the instance closes `closeInMs` later. */
export interface DungeonClearedMsg {
  matchId: string;
  /** the dungeon's template id */
  dungeonId: string;
  /** its name, for the banner */
  name: string;
  closeInMs: number;
}
