/**
 * The `test` every spec uses: Playwright's, with each browser context drawing the
 * game at most E2E_FPS (default 10) frames a second and preferring reduced motion
 * (the config). Why: headless Chromium composites in software; one game tab at
 * 60 Hz with an endless CSS animation took ~1.5 cores of the 2-core CI machine,
 * so two workers starved the game servers. An idle Watson tab's Chromium took 0.38
 * of a core at 30 Hz and 0.22 at 10 Hz (2026-11-26, the tiled city renderer); the
 * game specs are CPU-bound on two workers. What is tested is unchanged: every frame
 * still runs the game's whole draw, just less often.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

const FPS = Number(process.env.E2E_FPS ?? 10);

/** Runs in every page before its own scripts: requestAnimationFrame at most `fps` times a second. */
function capFrameRate(fps: number): void {
  const w = window as unknown as { __necpFpsCap?: number };
  if (w.__necpFpsCap !== undefined) return;
  w.__necpFpsCap = fps;
  const interval = 1000 / fps;
  const raf = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  // one gate for the page: every callback of an open display frame runs (they share
  // its timestamp); frames in between are skipped for all of them alike
  let open = -1;
  let nextId = 1;
  /** our id → the browser's id of the frame it waits for now */
  const waiting = new Map<number, number>();
  window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
    const id = nextId++;
    const wait = (t: number): void => {
      // 2 ms early is fine: display frames do not land exactly on the interval
      if (t !== open && t - open < interval - 2) {
        waiting.set(id, raf(wait));
        return;
      }
      waiting.delete(id);
      open = t;
      cb(t);
    };
    waiting.set(id, raf(wait));
    return id;
  };
  window.cancelAnimationFrame = (id: number): void => {
    const browserId = waiting.get(id);
    if (browserId === undefined) return;
    waiting.delete(id);
    cancel(browserId);
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
