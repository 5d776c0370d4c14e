/**
 * The `test` every spec uses: Playwright's, with each browser context drawing the
 * game at most E2E_FPS (default 5) frames a second and preferring reduced motion
 * (the config). Why: headless Chromium composites in software, and Chromium was 78 %
 * of the machine's CPU through the game specs (2026-11-28, sampled from /proc); the
 * game specs are CPU-bound on two workers. An idle Watson tab's Chromium took 0.41–0.42
 * of a core at 10 Hz with a gate that asked the browser for every display frame, 0.33–0.39
 * at 10 Hz with this one (a timer until the next frame is due), 0.22–0.24 at 5 Hz. What is
 * tested is unchanged: every frame still runs the game's whole draw, just less often; the
 * game's movement, input and network do not wait for frames (the input sampler has its
 * own clock), and the specs read the own position from the predictor (helpers.ts).
 * Not the game's own frame cap (game menu → display, render/frame-loop.ts): that one
 * offers a player 60 or 30 for the game's canvas; this throttles every
 * requestAnimationFrame of every page of the suite, the HUD's and the pages' too.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

const FPS = Number(process.env.E2E_FPS ?? 5);

/** Runs in every page before its own scripts: requestAnimationFrame at most `fps` times a second. */
function capFrameRate(fps: number): void {
  const w = window as unknown as { __necpFpsCap?: number };
  if (w.__necpFpsCap !== undefined) return;
  w.__necpFpsCap = fps;
  const interval = 1000 / fps;
  const raf = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  // one gate for the page: every callback of an open display frame runs (they share
  // its timestamp); frames in between are skipped for all of them alike. A callback
  // waits on a timer until its frame is due, not on the browser's display frames: a
  // frame asked for and skipped still ran Chromium's whole frame pipeline, 60 times a second
  let open = -Infinity;
  let nextId = 1;
  /** our id → its pending timer or the browser's frame id */
  const waiting = new Map<number, { timer?: number; frame?: number }>();
  window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
    const id = nextId++;
    const entry: { timer?: number; frame?: number } = {};
    waiting.set(id, entry);
    const ask = (): void => {
      entry.timer = undefined;
      entry.frame = raf((t) => {
        // 2 ms early is fine: display frames do not land exactly on the interval
        if (t !== open && t - open < interval - 2) {
          entry.timer = window.setTimeout(ask, Math.max(0, interval - (t - open) - 8));
          return;
        }
        waiting.delete(id);
        open = t;
        cb(t);
      });
    };
    const wait = interval - (performance.now() - open) - 8;
    if (wait > 0) entry.timer = window.setTimeout(ask, wait);
    else ask();
    return id;
  };
  window.cancelAnimationFrame = (id: number): void => {
    const e = waiting.get(id);
    if (!e) return;
    waiting.delete(id);
    if (e.timer !== undefined) window.clearTimeout(e.timer);
    if (e.frame !== undefined) cancel(e.frame);
  };
}

const capped = new WeakSet<BrowserContext>();
async function cap(context: BrowserContext): Promise<void> {
  if (FPS <= 0 || capped.has(context)) return;
  capped.add(context);
  await context.addInitScript(capFrameRate, FPS);
}

export const test = base.extend({
  // contexts a test opens itself (a second player, a second browser) are capped too
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const context = await newContext(...args);
        await cap(context);
        return context;
      };
      await use(browser);
    },
    { scope: 'worker' },
  ],
  context: async ({ context }, use) => {
    await cap(context);
    await use(context);
  },
});

export { expect };
