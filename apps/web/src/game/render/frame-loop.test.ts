import { describe, expect, it } from 'vitest';
import { FrameLoop, frameDue, frameWait, paintedAt, type FrameClock } from './frame-loop';

/**
 * A display refreshing `hz` times a second and a timer queue, on one simulated clock:
 * a frame asked for runs at the next refresh; a timer at its time. Counts what the loop
 * asked of the browser.
 */
function fakeDisplay(hz: number) {
  const refresh = 1000 / hz;
  let now = 0;
  let nextId = 1;
  const events = new Map<number, { at: number; run: () => void }>();
  const counts = { frames: 0, timers: 0 };
  const clock: FrameClock = {
    requestFrame(cb) {
      counts.frames++;
      const id = nextId++;
      const at = (Math.floor(now / refresh + 1e-9) + 1) * refresh;
      events.set(id, { at, run: () => cb(at) });
      return id;
    },
    cancelFrame: (id) => void events.delete(id),
    setTimer(cb, ms) {
      counts.timers++;
      const id = nextId++;
      events.set(id, { at: now + Math.max(0, ms), run: cb });
      return id;
    },
    clearTimer: (id) => void events.delete(id),
    now: () => now,
  };
  /** Runs everything due up to `until` ms, in time order. */
  function runUntil(until: number) {
    for (;;) {
      let first: [number, { at: number; run: () => void }] | undefined;
      for (const e of events) if (!first || e[1].at < first[1].at) first = e;
      if (!first || first[1].at > until) break;
      events.delete(first[0]);
      now = first[1].at;
      first[1].run();
    }
    now = until;
  }
  return { clock, counts, runUntil, pending: () => events.size };
}

/** Paints in one simulated second after a first second to settle. */
function paintsInASecond(hz: number, maxFps: number) {
  const d = fakeDisplay(hz);
  const at: number[] = [];
  const loop = new FrameLoop(
    (now) => at.push(now),
    () => maxFps,
    d.clock,
  );
  loop.start();
  d.runUntil(1000);
  const before = { paints: at.length, frames: d.counts.frames };
  d.runUntil(2000);
  loop.stop();
  return {
    paints: at.length - before.paints,
    asked: d.counts.frames - before.frames,
    pending: d.pending(),
    gaps: at.slice(1).map((t, i) => t - at[i]!),
  };
}

describe('the game loop under a frame-rate cap', () => {
  it('uncapped, paints every display frame', () => {
    expect(paintsInASecond(60, 0).paints).toBe(60);
    expect(paintsInASecond(144, 0).paints).toBe(144);
  });

  it('capped, paints at most the cap a second, evenly, and asks for no frame it skips', () => {
    for (const [hz, cap] of [
      [60, 30],
      [144, 60],
      [144, 30],
      [60, 60],
      [120, 30],
    ] as const) {
      const r = paintsInASecond(hz, cap);
      expect(r.paints, `${cap} at ${hz} Hz`).toBeLessThanOrEqual(cap);
      expect(r.paints, `${cap} at ${hz} Hz`).toBeGreaterThanOrEqual(cap - 2);
      // the timer waits out the frames between: on a 60 Hz screen each display frame
      // asked for is painted; a faster one may get one more asked for in each interval
      expect(r.asked, `${cap} at ${hz} Hz`).toBeLessThanOrEqual(
        hz === 60 ? r.paints + 1 : 2 * r.paints + 1,
      );
      // no two paints closer than the cap allows, give or take one display frame
      expect(Math.min(...r.gaps), `${cap} at ${hz} Hz`).toBeGreaterThanOrEqual(
        1000 / cap - 1000 / hz - 2,
      );
    }
  });

  it('follows a cap changed while it runs', () => {
    const d = fakeDisplay(60);
    let cap = 0;
    let paints = 0;
    const loop = new FrameLoop(
      () => paints++,
      () => cap,
      d.clock,
    );
    loop.start();
    d.runUntil(1010);
    expect(paints).toBe(60);
    cap = 30;
    d.runUntil(1100);
    paints = 0;
    d.runUntil(2100);
    expect(paints).toBeGreaterThanOrEqual(28);
    expect(paints).toBeLessThanOrEqual(30);
    loop.stop();
  });

  it('stops: nothing left scheduled, no paint after', () => {
    const d = fakeDisplay(60);
    let paints = 0;
    const loop = new FrameLoop(
      () => paints++,
      () => 30,
      d.clock,
    );
    loop.start();
    d.runUntil(500);
    loop.stop();
    const at = paints;
    d.runUntil(1500);
    expect(paints).toBe(at);
    expect(d.pending()).toBe(0);
  });

  it('a paint that throws does not stop the loop', () => {
    const d = fakeDisplay(60);
    let paints = 0;
    const loop = new FrameLoop(
      () => {
        paints++;
        if (paints === 3) throw new Error('draw failed');
      },
      () => 0,
      d.clock,
    );
    loop.start();
    expect(() => d.runUntil(1000)).toThrow('draw failed');
    d.runUntil(2000);
    expect(paints).toBeGreaterThan(60);
    loop.stop();
  });

  it('frameDue and frameWait: uncapped always due; capped due from the interval, 2 ms early', () => {
    expect(frameDue(100, 101, 0)).toBe(true);
    expect(frameWait(100, 101, 0)).toBe(0);
    expect(frameDue(0, 31.4, 30)).toBe(true);
    expect(frameDue(0, 31, 30)).toBe(false);
    expect(frameWait(0, 0, 30)).toBeCloseTo(1000 / 30 - 8);
    expect(frameWait(0, 30, 30)).toBe(0);
  });

  it("paintedAt keeps the cap's beat, and starts it again after a pause", () => {
    expect(paintedAt(0, 5, 0)).toBe(5);
    expect(paintedAt(0, 20.8, 60)).toBeCloseTo(1000 / 60);
    expect(paintedAt(0, 15, 60)).toBeCloseTo(1000 / 60);
    expect(paintedAt(0, 32, 60)).toBeCloseTo(2000 / 60);
    expect(paintedAt(0, 500, 60)).toBe(500);
  });
});
