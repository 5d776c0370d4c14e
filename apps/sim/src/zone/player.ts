import type {
  EntityInfo,
  MoveBudget,
  MoveInput,
  SelfInfo,
  SnapshotMsg,
  WelcomeMsg,
} from '@necp/shared';
import { BASE_MOVE_SPEED, toCm } from '@necp/shared';
import type { SimCharacter } from '@necp/game';

/** How a zone talks to one client; the sim backs it with a socket, pure tests with an array. */
export interface ZoneConnection {
  readonly id: string;
  welcome(msg: WelcomeMsg): void;
  snapshot(msg: SnapshotMsg): void;
}

/** What one client has been told, so the next snapshot can carry only the difference. */
export interface ClientView {
  /** entities in view → the position (cm) last sent for them */
  seen: Map<number, { x: number; y: number }>;
  me: { x: number; y: number };
  ack: number;
}

/** A character in a zone: simulated every tick, kept for a while after its client drops. */
export interface Player {
  readonly kind: 'player';
  readonly eid: number;
  readonly characterId: string;
  readonly userId: string;
  readonly name: string;
  level: number;
  health: number;
  maxHealth: number;
  /** metres, authoritative */
  x: number;
  y: number;
  /** m/s: BASE_MOVE_SPEED scaled by gear and encumbrance (see char:stats) */
  speed: number;
  /** last input seq applied; acked in every snapshot */
  lastSeq: number;
  budget: MoveBudget;
  /** inputs received since the last tick, in arrival order (bounded) */
  inputs: MoveInput[];
  conn: ZoneConnection | null;
  view: ClientView;
  /** clock ms when the client dropped; the reconnect window runs from here */
  droppedAt: number | null;
  /** moved since its position was last handed to the position writer */
  dirty: boolean;
  /** within BANK_RANGE of a bank terminal: crossing it saves the position at once */
  nearBank: boolean;
}

/** The numbers char:stats reports that the zone simulates with. */
export type PlayerStats = Pick<Player, 'speed' | 'health' | 'maxHealth' | 'level'>;

/** Inputs beyond this many per tick are dropped: a legit client sends a handful. */
export const MAX_QUEUED_INPUTS = 64;

export function createPlayer(eid: number, c: SimCharacter, at: { x: number; y: number }): Player {
  return {
    kind: 'player',
    eid,
    characterId: c.id,
    userId: c.userId,
    name: c.name,
    level: c.level,
    health: c.health,
    maxHealth: c.maxHealth,
    x: at.x,
    y: at.y,
    speed: BASE_MOVE_SPEED,
    lastSeq: 0,
    budget: { availableMs: 0 },
    inputs: [],
    conn: null,
    view: { seen: new Map(), me: { x: toCm(at.x), y: toCm(at.y) }, ack: 0 },
    droppedAt: null,
    dirty: false,
    nearBank: false,
  };
}

export function playerInfo(p: Player): EntityInfo {
  return {
    eid: p.eid,
    kind: 'player',
    name: p.name,
    level: p.level,
    health: p.health,
    maxHealth: p.maxHealth,
    x: toCm(p.x),
    y: toCm(p.y),
  };
}

export function selfInfo(p: Player): SelfInfo {
  return { ...playerInfo(p), characterId: p.characterId, speed: p.speed };
}
