/**
 * Micro-benchmark: what one client's snapshot costs to encode per tick, old
 * (SnapshotMsg as JSON, the way Socket.IO's parser sent it: `42["zone:snapshot",{…}]`)
 * vs new (binary frame, snapshot-codec.ts) — for a client that sees `--visible`
 * moving players. Prints ns per client per tick and bytes per frame.
 *
 *   pnpm --filter @necp/bench bench:encode [--visible 30] [--ticks 2000]
 */
import { z } from 'zod';
import {
  FrameWriter,
  encodeSnapshot,
  emptyWire,
  type SnapshotMsg,
  type WireSnapshot,
} from '@necp/shared';
import { readCommandLine } from './command-line';

const { visible, ticks } = readCommandLine(process.argv.slice(2), {
  usage: 'pnpm --filter @necp/bench bench:encode [--visible 30] [--ticks 2000]',
  schema: z.object({
    visible: z.coerce.number().int().min(1).max(1_000),
    ticks: z.coerce.number().int().min(1).max(1_000_000),
  }),
  options: {
    visible: { type: 'string', default: '30' },
    ticks: { type: 'string', default: '2000' },
  },
});

interface Mover {
  eid: number;
  x: number;
  y: number;
  dx: number;
  dy: number;
}
const movers: Mover[] = Array.from({ length: visible }, (_, i) => ({
  eid: 1000 + i,
  x: 10_000 + i * 97,
  y: 20_000 + i * 53,
  dx: (i % 5) * 6 - 12,
  dy: (i % 3) * 10 - 10,
}));
const advance = () => {
  for (const m of movers) {
    m.x += m.dx;
    m.y += m.dy;
  }
};

function oldFrame(t: number): string {
  const msg: SnapshotMsg = {
    t,
    ack: t,
    me: [15_000 + t, 15_000],
    mv: movers.map((m) => [m.eid, m.x, m.y]),
    add: [],
    del: [],
  };
  return `42${JSON.stringify(['zone:snapshot', msg])}`;
}

const writer = new FrameWriter();
function newFrame(t: number): Uint8Array {
  const w: WireSnapshot = emptyWire(t, t);
  w.meStep = [30, 0];
  // the shared per-entity step (worked out once per tick); per client only its small id
  for (let i = 0; i < movers.length; i++) {
    const m = movers[i]!;
    w.step.push([i + 1, m.dx, m.dy]);
  }
  return encodeSnapshot(w, writer);
}

function time(label: string, run: (t: number) => { length: number }) {
  let bytes = 0;
  for (let t = 0; t < 200; t++) run(t); // warm up
  // CPU time, not wall time: the bench machine is usually shared
  const start = process.cpuUsage();
  for (let t = 0; t < ticks; t++) {
    advance();
    bytes += run(t).length;
  }
  const used = process.cpuUsage(start);
  const ns = ((used.user + used.system) * 1000) / ticks;
  console.log(
    `${label.padEnd(28)} ${ns.toFixed(0).padStart(7)} ns/client/tick  ${(bytes / ticks).toFixed(0).padStart(5)} B/frame`,
  );
}

console.log(`${visible} moving entities in view, ${ticks} ticks`);
time('old: JSON SnapshotMsg', oldFrame);
time('new: binary frame', newFrame);
