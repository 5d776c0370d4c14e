/**
 * One window of one case: a fresh Chromium, one page of the case at one viewport, a
 * warm-up, then a window in which the page records each frame (draw JS, interval
 * between frames, main-thread work) while the runner reads the browser's CPU from
 * /proc and the page's main-thread time from the DevTools protocol
 * (Performance.getMetrics TaskDuration).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BrowserContextOptions } from 'playwright-core';
import type { RenderCase, Viewport } from './args';
import { launchChromium } from './browser';
import type { FrameSamples } from './page/frame-loop';

export const VIEWPORT_OPTIONS: Record<Viewport, BrowserContextOptions> = {
  desktop: { viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 },
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  },
};

/** One window of one case, as measured (rounds.ts pools several). */
export interface CaseWindow {
  case: RenderCase;
  viewport: Viewport;
  /** what the page said it runs on (renderer, GL string, time to paint the sprites) */
  info: Record<string, string>;
  samples: FrameSamples;
  /** every Chromium process's CPU over the window (/proc) */
  cpuMs: number;
  wallMs: number;
  /** the page's main thread, busy ms over the window (DevTools TaskDuration) */
  taskMs: number;
  /** 1-minute load average at the start and end of the window */
  load: [number, number];
  /** not measured, and why */
  failed?: string;
}

export async function measureCase(o: {
  origin: string;
  case: RenderCase;
  viewport: Viewport;
  figures: number;
  effects: number;
  warmupSeconds: number;
  seconds: number;
  extraArgs: readonly string[];
}): Promise<CaseWindow> {
  const base = { case: o.case, viewport: o.viewport, info: {} };
  const chrome = await launchChromium(o.extraArgs);
  const errors: string[] = [];
  try {
    const context = await chrome.browser.newContext(VIEWPORT_OPTIONS[o.viewport]);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${o.origin}/${o.case}.html?figures=${o.figures}&effects=${o.effects}`);
    await page.waitForFunction(() => window.__bench ?? window.__benchFailed, null, {
      timeout: 60_000,
    });
    const failed = await page.evaluate(() => window.__benchFailed);
    if (failed || errors.length > 0) throw new Error(failed ?? errors[0]);
    await page.waitForTimeout(o.warmupSeconds * 1000);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
        ?.value ?? 0;
    const load0 = os.loadavg()[0] ?? 0;
    const task0 = await taskSeconds();
    const cpu0 = chrome.cpuMs();
    const wall0 = performance.now();
    await page.evaluate(() => window.__bench!.reset());
    await new Promise((r) => setTimeout(r, o.seconds * 1000));
    const s: FrameSamples = await page.evaluate(() => window.__bench!.take());
    const cpuMs = chrome.cpuMs() - cpu0;
    const wallMs = performance.now() - wall0;
    const taskMs = ((await taskSeconds()) - task0) * 1000;
    const info = await page.evaluate(() => window.__bench!.info);
    if (errors.length > 0) throw new Error(errors[0]);
    return {
      ...base,
      info,
      samples: s,
      cpuMs,
      wallMs,
      taskMs,
      load: [load0, os.loadavg()[0] ?? 0],
    };
  } catch (e) {
    return {
      ...base,
      samples: { draw: [], interval: [], work: [], elapsed: 0 },
      cpuMs: 0,
      wallMs: 0,
      taskMs: 0,
      load: [0, 0],
      failed: e instanceof Error ? e.message.split('\n')[0]! : String(e),
    };
  } finally {
    await chrome.close();
  }
}
