/**
 * The measured loop of every bench page: one draw per requestAnimationFrame, timing
 * (a) the draw's JavaScript (performance.now around it; the page is cross-origin
 * isolated, so the clock is fine-grained), (b) the time between frame callbacks, the
 * rate the browser really shows frames at, and (c) the frame's work on the main
 * thread: from the callback to a message posted in it, which runs only after the
 * frame's style, paint and layer update — where Chromium rasterises a software
 * canvas and reads a WebGL canvas back for its software compositor. The runner
 * reads them through `window.__bench` after a warm-up it discards.
 */
import { FrameLoop } from '../../../../apps/web/src/game/render/frame-loop';

export interface FrameSamples {
  /** ms of JavaScript per draw */
  draw: number[];
  /** ms between consecutive requestAnimationFrame callbacks */
  interval: number[];
  /** ms from the frame callback to the end of the frame's main-thread work */
  work: number[];
  /** ms since the last reset */
  elapsed: number;
}

export interface BenchHandle {
  /** what the page runs on (the renderer, WebGL's renderer string) */
  info: Record<string, string>;
  reset(): void;
  take(): FrameSamples;
}

declare global {
  interface Window {
    __bench?: BenchHandle;
    /** set when the case cannot run (no WebGL), for the runner to report */
    __benchFailed?: string;
  }
}

export function runFrames<S>(
  info: Record<string, string>,
  /** the frame's input (not timed: the crowd's motion is the bench's, not a renderer's) */
  prepare: (now: number) => S,
  draw: (input: S, now: number) => void,
  /** the game menu's frame cap: frames come through the game's own loop (render/frame-loop.ts) */
  maxFps?: number,
): void {
  let draws: number[] = [];
  let intervals: number[] = [];
  let works: number[] = [];
  let since = performance.now();
  let last = -1;
  let frameStart = 0;
  const after = new MessageChannel();
  after.port1.onmessage = () => works.push(performance.now() - frameStart);
  const tick = (ts: number) => {
    frameStart = performance.now();
    if (last >= 0) intervals.push(ts - last);
    last = ts;
    const input = prepare(ts);
    const t0 = performance.now();
    draw(input, ts);
    draws.push(performance.now() - t0);
    after.port2.postMessage(0);
    if (!loop) requestAnimationFrame(tick);
  };
  const loop = maxFps ? new FrameLoop(tick, () => maxFps) : null;
  if (loop) loop.start();
  else requestAnimationFrame(tick);
  window.__bench = {
    info: { ...info, crossOriginIsolated: String(window.crossOriginIsolated) },
    reset() {
      draws = [];
      intervals = [];
      works = [];
      since = performance.now();
    },
    take() {
      return { draw: draws, interval: intervals, work: works, elapsed: performance.now() - since };
    },
  };
}
