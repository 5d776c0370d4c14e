/**
 * A case's windows pooled into one row: the rounds run interleaved with the other
 * cases, so a burst of other load on the machine lands on several cases a little
 * rather than on one a lot; their frames are counted together as one long window.
 */
import { percentile } from '../stats';
import type { RenderCase, Viewport } from './args';
import type { CaseWindow } from './measure-case';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RenderRun {
  case: RenderCase;
  viewport: Viewport;
  info: Record<string, string>;
  rounds: number;
  frames: number;
  fps: number;
  /** ms between requestAnimationFrame callbacks */
  interval: Percentiles;
  /** ms of JavaScript per draw */
  draw: Percentiles;
  /** ms of main-thread work per frame: the callback, style, paint, layer update */
  work: Percentiles;
  /** DevTools TaskDuration per frame */
  mainMsPerFrame: number;
  /** the whole browser (every process), cores busy over the windows */
  cpuCores: number;
  cpuMsPerFrame: number;
  /** lowest and highest 1-minute load average seen at a window's ends */
  load: [number, number];
  /** not measured, and why (the first failure of any round) */
  failed?: string;
}

const spread = (xs: number[]): Percentiles => ({
  p50: percentile(xs, 50),
  p95: percentile(xs, 95),
  p99: percentile(xs, 99),
  max: xs.reduce((a, b) => Math.max(a, b), 0),
});

const total = (ws: CaseWindow[], f: (w: CaseWindow) => number) => ws.reduce((s, w) => s + f(w), 0);

export function poolWindows(windows: CaseWindow[]): RenderRun {
  const first = windows[0]!;
  const failed = windows.find((w) => w.failed)?.failed;
  const ok = windows.filter((w) => !w.failed);
  const all = (f: (w: CaseWindow) => number[]) => ok.flatMap(f);
  const frames = total(ok, (w) => w.samples.draw.length);
  const per = (n: number) => n / Math.max(1, frames);
  const cpuMs = total(ok, (w) => w.cpuMs);
  const loads = ok.flatMap((w) => w.load);
  return {
    case: first.case,
    viewport: first.viewport,
    info: ok[0]?.info ?? {},
    rounds: ok.length,
    frames,
    fps: frames / Math.max(1e-9, total(ok, (w) => w.samples.elapsed) / 1000),
    interval: spread(all((w) => w.samples.interval)),
    draw: spread(all((w) => w.samples.draw)),
    work: spread(all((w) => w.samples.work)),
    mainMsPerFrame: per(total(ok, (w) => w.taskMs)),
    cpuCores:
      cpuMs /
      Math.max(
        1,
        total(ok, (w) => w.wallMs),
      ),
    cpuMsPerFrame: per(cpuMs),
    load: loads.length ? [Math.min(...loads), Math.max(...loads)] : [0, 0],
    ...(failed ? { failed } : {}),
  };
}
