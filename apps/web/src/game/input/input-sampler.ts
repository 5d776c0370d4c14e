/**
 * Turns "a key is held" into timed movement inputs at a fixed cadence (~50 ms).
 * The time claimed is the real time since the previous sample (so the server's
 * time budget never runs dry for an honest client), split into chunks of at most
 * MAX_INPUT_MS and capped after a stall (a background tab wakes up once a second).
 */
import { MAX_INPUT_MS, MOVE_BUDGET_CAP_MS } from '@necp/shared';

export const SAMPLE_MS = 50;

export interface MoveChunk {
  dx: number;
  dy: number;
  ms: number;
}

export function splitElapsed(elapsedMs: number, dx: number, dy: number): MoveChunk[] {
  let total = Math.round(Math.min(Math.max(elapsedMs, 0), MOVE_BUDGET_CAP_MS));
  const out: MoveChunk[] = [];
  while (total >= 1) {
    const ms = Math.min(total, MAX_INPUT_MS);
    out.push({ dx, dy, ms });
    total -= ms;
  }
  return out;
}

export class InputSampler {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = performance.now();

  constructor(
    private readDirection: () => { dx: number; dy: number } | null,
    private onChunks: (chunks: MoveChunk[], now: number) => void,
  ) {}

  start() {
    this.last = performance.now();
    this.timer = setInterval(this.tick, SAMPLE_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick = () => {
    const now = performance.now();
    const elapsed = now - this.last;
    this.last = now;
    const dir = this.readDirection();
    if (!dir || (dir.dx === 0 && dir.dy === 0)) return;
    const chunks = splitElapsed(elapsed, dir.dx, dir.dy);
    if (chunks.length > 0) this.onChunks(chunks, now);
  };
}
