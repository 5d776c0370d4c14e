/**
 * Socket contracts between the browser and apps/sim. Every client→server payload
 * has a Zod schema here and is parsed by the sim before anything else happens.
 * Positions on the wire are integers in centimetres (compact, no float noise).
 */
import { z } from 'zod';
import { MAX_INPUT_MS } from '../rules/movement';

export const MoveInputSchema = z.object({
  /** client input sequence number; the server acks the last one applied */
  seq: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  dx: z.number().min(-1).max(1),
  dy: z.number().min(-1).max(1),
  /** how long this input was held, ms */
  ms: z.int().min(1).max(MAX_INPUT_MS),
});
export type MoveInput = z.infer<typeof MoveInputSchema>;

export const PingSchema = z.object({ t: z.number().finite() });

export type AckError = { code: string; message: string };
export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: AckError };

export const KICK_REASONS = ['takeover', 'bad_payloads', 'server_shutdown', 'banned'] as const;
export type KickReason = (typeof KICK_REASONS)[number];

export interface ZoneInfo {
  id: string;
  name: string;
  width: number;
  height: number;
  streets: { x: number; y: number; w: number; h: number; name?: string }[];
  spawnPoints: { id: string; kind: string; name: string; x: number; y: number }[];
}

/** Full description of an entity when it enters a client's view. */
export interface EntityInfo {
  eid: number;
  kind: 'player' | 'npc';
  name: string;
  level: number;
  health: number;
  maxHealth: number;
  /** cm */
  x: number;
  y: number;
}

export interface SelfInfo extends EntityInfo {
  characterId: string;
  speed: number;
}

export interface WelcomeMsg {
  zone: ZoneInfo;
  self: SelfInfo;
  tick: number;
  tickHz: number;
  /** true when this connection took over a character kept alive in the reconnect window */
  resumed: boolean;
  /** last input seq the server applied for this character (continue numbering after it) */
  lastSeq: number;
}

/** Delta snapshot for one client: only what changed in its view since the last one. */
export interface SnapshotMsg {
  /** server tick */
  t: number;
  /** last input seq applied for this client */
  ack: number;
  /** own position (cm), authoritative */
  me: [number, number];
  /** moved entities in view: [eid, x cm, y cm] */
  mv: [number, number, number][];
  /** entities that entered view */
  add: EntityInfo[];
  /** eids that left view */
  del: number[];
}

export interface KickMsg {
  reason: KickReason;
  message: string;
}

export interface ServerToClientEvents {
  'zone:welcome': (msg: WelcomeMsg) => void;
  'zone:snapshot': (msg: SnapshotMsg) => void;
  'session:kicked': (msg: KickMsg) => void;
}

export interface ClientToServerEvents {
  'zone:move': (input: unknown, ack?: (res: Ack) => void) => void;
  'net:ping': (input: unknown, ack: (res: Ack<{ t: number; server: number }>) => void) => void;
}

/**
 * `data` of the client's `connect_error` when the sim refuses a handshake.
 * code: UNAUTHENTICATED (missing/expired/invalid/reused ticket: mint a new one),
 * NOT_FOUND (not your character, or deleted), INVALID_STATE (zone not served here /
 * shutting down: retry later), INTERNAL. `message` is safe to show to the player.
 */
export interface ConnectErrorData {
  code: string;
  message: string;
}

/** Handshake auth payload: the ticket minted by the web app (tRPC `sim.ticket`). */
export const HandshakeAuthSchema = z.object({ ticket: z.string().min(10).max(4096) });

export const toCm = (m: number) => Math.round(m * 100);
export const fromCm = (cm: number) => cm / 100;
