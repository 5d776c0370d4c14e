/**
 * Another player walking east at walking speed, as this client receives and
 * draws it on a busy machine: the sim sends a frame every other tick (every tick
 * now and then, when our own input is acked), frames arrive in order but late
 * by 30–150 ms, two at once, or after a stall; the display runs ~30 fps with
 * some slow frames. What is drawn must move forward at about walking speed on
 * every frame — never hold and then jump to catch up.
 */
import { describe, expect, it } from 'vitest';
import { BASE_MOVE_SPEED } from '@necp/shared';
import { InterpolationBuffer } from './interpolation-buffer';
import { MAX_INTERP_DELAY_MS, TickClock } from './view-tick';

const TICK_MS = 50;
const STEP_M = (BASE_MOVE_SPEED * TICK_MS) / 1000;

/** a small seeded generator: the same "random" jitter on every run */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Frame {
  tick: number;
  /** the walker's x in this frame, or null when it did not move (not in the frame) */
  x: number | null;
  arrive: number;
}

/** Where the walker is at `tick` (m): walks east from `from` to `to`, standing still otherwise. */
const walk =
  (from: number, to: number) =>
  (tick: number): number =>
    Math.min(Math.max(tick, from), to) * STEP_M;

/**
 * Frames to this client, each carrying the walker when it moved since the last
 * frame; `late(tick)` is how late a frame leaves the network. Delivery is in
 * order (one WebSocket): a late frame holds back the ones after it. `quiet`:
 * nothing else changes near this client, so no frame at all while the walker stands.
 */
function frames(opts: {
  ticks: number;
  x: (tick: number) => number;
  late: (tick: number) => number;
  quiet?: boolean;
}): Frame[] {
  const out: Frame[] = [];
  let prevArrive = 0;
  let lastSent = -Infinity;
  let sentX = Number.NaN;
  for (let t = 0; t <= opts.ticks; t++) {
    // every other tick, or this tick when our own input was acked
    const due = t - lastSent >= 2 || t % 7 === 0;
    if (!due) continue;
    const x = opts.x(t);
    const moved = x !== sentX;
    if (opts.quiet && !moved) continue;
    lastSent = t;
    sentX = x;
    const arrive = Math.max(prevArrive, t * TICK_MS + 20 + opts.late(t));
    prevArrive = arrive;
    out.push({ tick: t, x: moved ? x : null, arrive });
  }
  return out;
}

/** Plays `fs` into a clock and buffer as WorldState does; returns what each display frame drew. */
function play(fs: Frame[], display: (i: number) => number) {
  const clock = new TickClock(TICK_MS);
  let buffer: InterpolationBuffer | null = null;
  const drawn: { now: number; x: number }[] = [];
  let now = 0;
  let next = 0;
  const end = fs[fs.length - 1]!.arrive + 1500;
  for (let i = 0; now < end; i++) {
    for (; next < fs.length && fs[next]!.arrive <= now; next++) {
      const f = fs[next]!;
      const at = clock.observe(f.tick, f.arrive);
      if (f.x === null) continue;
      if (buffer) buffer.push({ x: f.x, y: 0 }, at);
      else buffer = new InterpolationBuffer({ x: f.x, y: 0 }, at, clock);
    }
    if (buffer) drawn.push({ now, x: buffer.sample(now).x });
    now += display(i);
  }
  return drawn;
}

/** Every display frame moves forward, at most walking speed × its time (+ 25 % and 1 cm). */
function expectSmooth(drawn: { now: number; x: number }[], fastest = 1.25) {
  const jumps: string[] = [];
  for (let i = 1; i < drawn.length; i++) {
    const dt = drawn[i]!.now - drawn[i - 1]!.now;
    const step = drawn[i]!.x - drawn[i - 1]!.x;
    const bound = ((BASE_MOVE_SPEED * dt) / 1000) * fastest + 0.01;
    if (step < -1e-6 || step > bound)
      jumps.push(`${step.toFixed(2)} m in ${dt} ms at ${drawn[i]!.now} ms`);
  }
  expect(jumps).toEqual([]);
}

const WALK_TO = 220;
const FINAL_X = WALK_TO * STEP_M;

describe('drawing another player walking, under jitter', () => {
  it('never jumps: late frames, a burst of two, a stall, slow display frames', () => {
    const rnd = lcg(25);
    const fs = frames({
      ticks: 300,
      x: walk(10, WALK_TO),
      late: (t) => {
        if (t >= 100 && t < 108) return 400 - (t - 100) * TICK_MS; // a stall: 8 ticks arrive at once
        if (t >= 40 && t < 170) return 30 + rnd() * 120; // a busy machine: 30–150 ms late
        return rnd() * 10;
      },
    });
    const rf = lcg(7);
    // ~30 fps, now and then a slow frame (the tab shares two cores with everything)
    const drawn = play(fs, (i) => (i % 23 === 0 ? 120 : 30 + Math.floor(rf() * 8)));
    expectSmooth(drawn);
    // and it gets there: the drawn walker ends where the server left it
    expect(drawn[drawn.length - 1]!.x).toBeCloseTo(FINAL_X, 5);
  });

  it('two frames in one burst after a late one, again and again', () => {
    const fs = frames({
      ticks: 300,
      x: walk(10, WALK_TO),
      // now and then (after the delay has settled) a frame is held back until the next: they arrive together
      late: (t) => (t % 80 === 0 ? 95 : 5),
    });
    expectSmooth(play(fs, () => 33));
  });

  it('stops, stands in silence (no frames at all), walks on: no jump at either end', () => {
    const rnd = lcg(11);
    const x = (t: number) => (t < 120 ? walk(10, 80)(t) : walk(150, 230)(t) - 70 * STEP_M);
    const fs = frames({ ticks: 300, x, late: () => 30 + rnd() * 120, quiet: true });
    const drawn = play(fs, () => 33);
    expectSmooth(drawn);
    expect(drawn[drawn.length - 1]!.x).toBeCloseTo(x(300), 5);
  });

  it('after a second-long stall of the stream, catches up within ~3 s at most 1.5× walking speed', () => {
    // ticks 60–80 leave 1 s late (held back by one stalled frame)
    const fs = frames({ ticks: 300, x: walk(10, 280), late: (t) => (t === 60 ? 1000 : 5) });
    const drawn = play(fs, () => 33);
    expectSmooth(drawn, 1.5);
    const stallEnd = 60 * TICK_MS + 1025;
    const after = drawn.find((d) => d.now >= stallEnd + 3000)!;
    // a second behind when the stall ended; now no further than the largest delay (the
    // stall is still among the latenesses it remembers) and a margin
    const tick = Math.floor((after.now - MAX_INTERP_DELAY_MS - 50) / TICK_MS);
    expect(after.x).toBeGreaterThanOrEqual(walk(10, 280)(tick) - 1e-6);
  });

  it('keeps up: drawn no more than ~half a second behind the walker', () => {
    const rnd = lcg(3);
    const fs = frames({
      ticks: 300,
      x: walk(10, WALK_TO),
      late: () => 30 + rnd() * 120,
    });
    const drawn = play(fs, () => 33);
    for (const d of drawn) {
      // where the walker was 500 ms before this moment, on the server
      const tick = Math.floor((d.now - 500) / TICK_MS);
      const then = Math.min(Math.max(tick, 10), WALK_TO) * STEP_M;
      expect(d.x).toBeGreaterThanOrEqual(then - 1e-6);
    }
  });
});
