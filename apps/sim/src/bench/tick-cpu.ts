/**
 * Micro-benchmark of the tick's CPU, without sockets: a headless Watson zone with
 * N players in the move workload of `pnpm bench --mode move` (a 220 m square, one
 * 100 ms `zone:move` per player every 2nd tick — half the players on even ticks,
 * half on odd —, a seeded direction renewed every 1.5–2.5 s, turning back at the
 * square's edges; no NPCs). Each client's connection only counts frames and bytes
 * (decoding is the client's cost, not the sim's). Measured with process.cpuUsage
 * (user + system) around every zone.step(), so other load on the machine does not
 * count, only this process's work. What it leaves out: the socket write per frame
 * (about 13 µs of writev per frame on loopback, plus engine.io/ws framing) — so it
 * also reports frames per client per second, the number that multiplies that cost.
 *
 *   pnpm --filter @necp/sim bench:tick [--players 200,1000] [--ticks 400] [--warmup 100] [--every 1] [--check]
 *
 * `--check` decodes every frame like a client and verifies, at the end, that every
 * client's picture (own position, who is in view and where) matches the zone.
 */
import { parseArgs } from 'node:util';
import {
  LEAVE_RADIUS,
  SnapshotReader,
  TICK_MS,
  VIEW_RADIUS,
  zoneById,
  type WelcomeMsg,
} from '@necp/shared';
import { FakeClock, createLog, seededStream, type SimCharacter } from '@necp/game';
import { MemoryPositionSink } from '../testing/memory-position-sink';
import type { ZoneConnection } from '../zone/player';
import { Zone } from '../zone/zone';

const { values } = parseArgs({
  options: {
    players: { type: 'string', default: '200,1000' },
    ticks: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '100' },
    seed: { type: 'string', default: '11' },
    check: { type: 'boolean', default: false },
    /** the zone's snapshot cadence in ticks (default: the zone's own) */
    every: { type: 'string' },
  },
});

/** Counts what the zone sends one client; with `check`, reads it like a client. */
class CountingConnection implements ZoneConnection {
  frames = 0;
  bytes = 0;
  reader: SnapshotReader | null;
  visible = new Map<number, [number, number]>();
  me: [number, number] = [0, 0];
  ack = 0;
  constructor(
    readonly id: string,
    check: boolean,
  ) {
    this.reader = check ? new SnapshotReader() : null;
  }
  welcome(msg: WelcomeMsg): void {
    this.reader?.reset(msg.self.eid, msg.self);
    this.visible.clear();
    this.me = [msg.self.x, msg.self.y];
  }
  snapshot(frame: Uint8Array): void {
    this.frames++;
    this.bytes += frame.byteLength;
    if (!this.reader) return;
    const m = this.reader.read(frame);
    this.me = m.me;
    this.ack = m.ack;
    for (const eid of m.del) this.visible.delete(eid);
    for (const a of m.add) this.visible.set(a.eid, [a.x, a.y]);
    for (const [eid, x, y] of m.mv) this.visible.set(eid, [x, y]);
  }
}

interface Bot {
  id: string;
  conn: CountingConnection;
  seq: number;
  phase: number;
  dx: number;
  dy: number;
  turnAt: number;
}

function run(
  n: number,
  ticks: number,
  warmup: number,
  seed: number,
  check: boolean,
  every?: number,
) {
  const content = zoneById('watson');
  if (!content) throw new Error('watson content missing');
  const clock = new FakeClock();
  const zone = new Zone({
    content,
    clock,
    log: createLog('tick-cpu', 'silent'),
    positions: new MemoryPositionSink(),
    npcs: false,
    applyCommands: 'at-once',
    ...(every === undefined ? {} : { snapshotEvery: every }),
  });
  const side = Math.sqrt((Math.PI * VIEW_RADIUS * VIEW_RADIUS) / 0.15);
  const sq = { x: (content.width - side) / 2, y: (content.height - side) / 2, side };
  const rng = seededStream(seed, 'tick-cpu');
  const rnd = () => rng.float();
  const inside = (x: number, y: number) =>
    content.obstacles.some((o) => x >= o.x && x <= o.x + o.w && y >= o.y && y <= o.y + o.h);
  const bots: Bot[] = [];
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    do {
      x = sq.x + rnd() * side;
      y = sq.y + rnd() * side;
    } while (inside(x, y));
    const id = `bot-${i}`;
    const conn = new CountingConnection(`conn-${i}`, check);
    const character: SimCharacter = {
      id,
      userId: `user-${i}`,
      name: id,
      level: 3,
      classId: 'solo',
      health: 100,
      maxHealth: 100,
      zoneId: 'watson',
      x,
      y,
    };
    zone.submit({ k: 'attach', character }, conn);
    bots.push({ id, conn, seq: 0, phase: i % 2, dx: 0, dy: 0, turnAt: 0 });
  }

  const cpu = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  let measured = 0;
  let frames0 = 0;
  let bytes0 = 0;
  for (let t = 0; t < warmup + ticks; t++) {
    if (t === warmup) {
      measured = 0;
      frames0 = bots.reduce((s, b) => s + b.conn.frames, 0);
      bytes0 = bots.reduce((s, b) => s + b.conn.bytes, 0);
    }
    for (const b of bots) {
      if ((t & 1) !== b.phase) continue;
      if (t >= b.turnAt) {
        const a = rnd() * 2 * Math.PI;
        b.dx = Math.cos(a);
        b.dy = Math.sin(a);
        b.turnAt = t + 30 + Math.floor(rnd() * 21);
      }
      const p = zone.player(b.id);
      if (p) {
        if ((p.x < sq.x && b.dx < 0) || (p.x > sq.x + side && b.dx > 0)) b.dx = -b.dx;
        if ((p.y < sq.y && b.dy < 0) || (p.y > sq.y + side && b.dy > 0)) b.dy = -b.dy;
      }
      zone.submit(
        { k: 'move', characterId: b.id, input: { seq: ++b.seq, dx: b.dx, dy: b.dy, ms: 100 } },
        b.conn,
      );
    }
    clock.advance(TICK_MS);
    const c0 = cpu();
    zone.step();
    measured += cpu() - c0;
  }
  const frames = bots.reduce((s, b) => s + b.conn.frames, 0) - frames0;
  const bytes = bots.reduce((s, b) => s + b.conn.bytes, 0) - bytes0;
  const seconds = (ticks * TICK_MS) / 1000;
  let visibleSum = 0;
  let wrong = 0;
  if (check) {
    // no more input: within a few ticks every client's due frame has gone out
    for (let i = 0; i < 4; i++) {
      clock.advance(TICK_MS);
      zone.step();
    }
    for (const b of bots) {
      const p = zone.player(b.id);
      if (!p) continue;
      const me = b.conn.me;
      if (
        Math.abs(me[0] - Math.round(p.x * 100)) > 1 ||
        Math.abs(me[1] - Math.round(p.y * 100)) > 1
      )
        wrong++;
      for (const o of bots) {
        const q = zone.player(o.id);
        if (!q || q === p) continue;
        const d = Math.hypot(q.x - p.x, q.y - p.y);
        const seen = b.conn.visible.get(q.eid);
        if (d <= VIEW_RADIUS && !seen) wrong++;
        else if (d > LEAVE_RADIUS && seen) wrong++;
        else if (
          seen &&
          (Math.abs(seen[0] - Math.round(q.x * 100)) > 1 ||
            Math.abs(seen[1] - Math.round(q.y * 100)) > 1)
        )
          wrong++;
      }
      visibleSum += b.conn.visible.size;
    }
  }
  const perTick = measured / ticks;
  console.log(
    [
      `players ${n}`,
      `cpu ${perTick.toFixed(0)} µs/tick (${((perTick / (TICK_MS * 1000)) * 100).toFixed(1)} % of a core at 20 Hz)`,
      `${(perTick / n).toFixed(2)} µs/client/tick`,
      `frames ${(frames / n / seconds).toFixed(1)}/client/s`,
      `${(bytes / n / seconds).toFixed(0)} B/client/s (frame payload)`,
      ...(check ? [`visible ${(visibleSum / n).toFixed(1)}`, `mismatches ${wrong}`] : []),
    ].join(' · '),
  );
}

for (const n of values.players.split(',').map(Number))
  run(
    n,
    Number(values.ticks),
    Number(values.warmup),
    Number(values.seed),
    values.check,
    values.every === undefined ? undefined : Number(values.every),
  );
