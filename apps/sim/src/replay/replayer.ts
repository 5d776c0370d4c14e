import { zoneById, type NpcTemplate, type ZoneContent } from '@necp/shared';
import { FakeClock, createLog } from '@necp/game';
import { FakeConnection } from '../testing/fake-connection';
import { MemoryPositionSink } from '../testing/memory-position-sink';
import { Zone } from '../zone/zone';
import {
  RecordedTickSchema,
  RecordingHeaderSchema,
  decodeLine,
  type RecordingHeader,
} from './recording';

export interface ReplayOptions {
  /** the zone's content (default: the shipped zone of the recording's zoneId) */
  content?: ZoneContent;
  npcTemplates?: (id: string) => NpcTemplate | undefined;
  /** hears every tick: its recorded and replayed hash */
  onTick?(t: number, expected: string, actual: string): void;
  /** keep stepping after the first divergence (default: stop there) */
  keepGoing?: boolean;
}

export interface Divergence {
  /** 0: the initial state already differs */
  tick: number;
  expected: string;
  actual: string;
}

export interface ReplayResult {
  header: RecordingHeader;
  /** ticks stepped */
  ticks: number;
  /** the replayed state hash after each tick (index 0: tick 0) */
  hashes: string[];
  /** the first tick whose hash differs from the recording's; null: identical */
  divergence: Divergence | null;
}

/**
 * Builds a fresh zone from a recording's header (content, seed, clock, NPC
 * switches) and steps it through the recorded ticks: before each step the clock
 * is set to the tick's time and the tick's commands are submitted in their
 * recorded order, each through the connection of its recorded id. After each
 * step the state hash is compared with the recorded one.
 */
export function replayRecording(lines: Iterable<string>, opts: ReplayOptions = {}): ReplayResult {
  const it = lines[Symbol.iterator]();
  const first = nextLine(it);
  if (first === undefined) throw new Error('empty recording');
  const header = RecordingHeaderSchema.parse(decodeLine(first));
  const content = opts.content ?? zoneById(header.zoneId);
  if (!content) throw new Error(`unknown zone ${header.zoneId}`);
  const clock = new FakeClock(header.startMs);
  const zone = new Zone({
    content,
    clock,
    log: createLog('replay', 'silent'),
    positions: new MemoryPositionSink(),
    seed: header.seed,
    npcs: header.npcs,
    npcAi: header.npcAi,
    // a recording holds only commands the zone took: none may be refused on replay
    inboxCap: Number.POSITIVE_INFINITY,
    ...(opts.npcTemplates ? { npcTemplates: opts.npcTemplates } : {}),
  });
  const conns = new Map<string, FakeConnection>();
  const connOf = (id: string | null) => {
    if (id === null) return null;
    let c = conns.get(id);
    if (!c) conns.set(id, (c = new FakeConnection(id)));
    return c;
  };

  const hashes = [zone.stateHash()];
  let divergence: Divergence | null =
    hashes[0] === header.hash ? null : { tick: 0, expected: header.hash, actual: hashes[0] ?? '' };
  opts.onTick?.(0, header.hash, hashes[0] ?? '');
  let ticks = 0;
  for (let line = nextLine(it); line !== undefined; line = nextLine(it)) {
    if (divergence && !opts.keepGoing) break;
    const rec = RecordedTickSchema.parse(decodeLine(line));
    if (rec.t !== zone.tick + 1) throw new Error(`tick ${rec.t} follows tick ${zone.tick}`);
    clock.set(rec.ms);
    for (const [, connId, cmd] of rec.cmds) zone.submit(cmd, connOf(connId));
    zone.step();
    ticks++;
    const actual = zone.stateHash();
    hashes.push(actual);
    opts.onTick?.(rec.t, rec.hash, actual);
    if (!divergence && actual !== rec.hash)
      divergence = { tick: rec.t, expected: rec.hash, actual };
  }
  return { header, ticks, hashes, divergence };
}

/** The next non-empty line. */
function nextLine(it: Iterator<string>): string | undefined {
  for (let r = it.next(); !r.done; r = it.next()) if (r.value.trim() !== '') return r.value;
  return undefined;
}
