/** Messages between the chat bench's main thread and its bot threads (chat/worker.ts). */
import type { BotIdentity } from '../population';
import type { ConnectReport } from '../swarm-protocol';
import type { HistogramData } from './histogram';
import type { ScheduledChat } from './schedule';

/** The room channel the scheduled channel messages go to. */
export const CHAT_ROOMS = ['district', 'global', 'trade'] as const;
export type ChatRoom = (typeof CHAT_ROOMS)[number];

export interface ChatWorkerData {
  /** this thread's bots, by the sim process they connect to */
  groups: { sim: number; url: string; identities: BotIdentity[] }[];
  secret: string;
}

export interface ArmRequest {
  type: 'arm';
  /** the window's start, epoch ms (every thread's clock: performance.timeOrigin + now()) */
  t0: number;
  schedule: ScheduledChat[];
  room: ChatRoom;
  /** by bot index: the sim it is connected to (delivery locality) and its character name (whispers) */
  simOf: number[];
  names: string[];
  /** a receipt later than this after its due time counts as lost (its latency is still recorded) */
  lossMs: number;
  ackTimeoutMs: number;
}

export type ChatRequest =
  | { type: 'connect'; perSecond: number }
  | { type: 'roster' }
  | ArmRequest
  | { type: 'collect' }
  | { type: 'close' };

export interface ChatBotResult {
  index: number;
  /** epoch ms of its chat:history (it had joined the chat rooms by then); null: never */
  readyAt: number | null;
  /** epoch ms its connection dropped; null: still connected */
  goneAt: number | null;
  /** in-time receipts by seq */
  bits: Uint8Array;
  /** engine.io bytes received since the window was armed */
  bytesIn: number;
}

export interface ChatThreadResult {
  bots: ChatBotResult[];
  /** SendStatus by seq, for this thread's senders (0 elsewhere) */
  status: Uint8Array;
  /** refused sends by error code */
  refusals: Record<string, number>;
  /**
   * latency histograms: `due:<kind>:<local|remote>` (due → receipt), `send:…` (left the
   * sender → receipt), `post:…` (the sim's timestamp on the message → receipt), `lag`
   * (due → left the sender), `ack` (left → ack)
   */
  histograms: Record<string, HistogramData>;
  /** receipts after lossMs / a second copy / text not the bench's / seq not scheduled */
  late: number;
  duplicates: number;
  unreadable: number;
  stray: number;
  /** this thread's event-loop delay over the window, ms (bots falling behind show here) */
  loopDelay: { p99: number; max: number };
  connected: number;
  disconnects: Record<string, number>[];
  kicked: (string | null)[];
}

export type ChatReply =
  | { type: 'progress'; done: number }
  | { type: 'connected'; report: ConnectReport }
  | { type: 'roster'; ready: number[] }
  | { type: 'collected'; result: ChatThreadResult }
  | { type: 'ok' };
