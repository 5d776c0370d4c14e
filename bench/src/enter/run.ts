/**
 * `pnpm bench:enter`: how long a player waits from clicking "Enter" on the character
 * screen to the first frame that shows the city (issue 27: ≤ 2 s on a warm cache).
 * The real thing end to end: a fresh bench database, the sim and the production web
 * build (`next start`), Chromium with the e2e suite's arguments, players made through
 * the real API. Each entry is a new player's first entry in one browser whose HTTP
 * cache the earlier entries filled (warm); the first entry (cold) is reported apart.
 * The click's time is taken in the page (capture listener, kept in sessionStorage
 * across the navigation); the frame's is the renderer's `necp:first-world-frame`
 * performance mark (render/frame-painter.ts). Needs `pnpm --filter @necp/web build`
 * first (or `--build`). Nothing asserts timings: results go to docs/perf.md.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { benchPostgres } from '../database';
import { describeMachine } from '../machine';
import { freePort, startSim } from '../sim-process';
import { percentile } from '../stats';
import { launchChromium } from '../render/browser';
import { createPlayer } from '../web/players';
import { startWeb } from '../web/web-server';
import { step } from '../web/steps';
import { writeDocSection } from '../doc-section';
import { parseEnterArgs } from './args';

const root = path.resolve(import.meta.dirname, '../../..');
const say = (m: string) => console.log(`[bench:enter] ${m}`);
const BUDGET_MS = 2000;
const FIRST_WORLD_FRAME = 'necp:first-world-frame';

/** One entry, timed from the click. */
interface Entry {
  /** ms to the first frame with the city */
  frame: number;
  /** Enter loaded a new document (false: the app's own client-side navigation) */
  newDocument: boolean;
}

/** Clicks Enter for `name` on /characters and waits for the city's first frame. */
async function enter(page: Page, origin: string, name: string): Promise<Entry> {
  await page.goto(`${origin}/characters`);
  // the click's time, from the page's own clock, kept across the navigation
  await page.evaluate(() => {
    sessionStorage.removeItem('bench.clickAt');
    document.addEventListener(
      'click',
      () =>
        sessionStorage.setItem('bench.clickAt', String(performance.timeOrigin + performance.now())),
      { capture: true, once: true },
    );
  });
  await page.getByLabel(`Enter the city as ${name}`).click();
  await page.waitForURL(/\/play/);
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    FIRST_WORLD_FRAME,
    {
      timeout: 30_000,
    },
  );
  // no named functions in here: tsx's __name helper does not exist in the page
  return page.evaluate((mark) => {
    const clickAt = Number(sessionStorage.getItem('bench.clickAt'));
    return {
      frame: performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime - clickAt,
      newDocument: performance.timeOrigin > clickAt,
    };
  }, FIRST_WORLD_FRAME);
}

const ms = (n: number) => n.toFixed(0);

async function main() {
  const args = parseEnterArgs(process.argv.slice(2));
  const machine = describeMachine();
  const pg = await benchPostgres(root, say);
  const db = await pg.database('necp_bench_enter');
  const secret = () => randomBytes(32).toString('hex');
  const ticket = secret();
  const nextAuth = secret();
  if (args.build) {
    say('building the web (next build)');
    await step('pnpm', ['--filter', '@necp/web', 'build'], root, {
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: nextAuth,
      SIM_TICKET_SECRET: ticket,
    });
  }
  if (!fs.existsSync(path.join(root, 'apps/web/.next/BUILD_ID')))
    throw new Error('no web build: run `pnpm --filter @necp/web build` first, or pass --build');
  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const logDir = path.join(root, '.data', 'bench');
  const sim = await startSim({
    root,
    logFile: path.join(logDir, 'enter-sim.log'),
    env: {
      DATABASE_URL: db.url,
      SIM_TICKET_SECRET: ticket,
      SIM_CORS_ORIGIN: webOrigin,
      LOG_LEVEL: 'warn',
      // one process, as one player's laptop would run it: no Redis needed
      REDIS_URL: '',
    },
  });
  const web = await startWeb({
    root,
    port: webPort,
    databaseUrl: db.url,
    logFile: path.join(logDir, 'enter-web.log'),
    env: {
      NEXTAUTH_SECRET: nextAuth,
      SIM_TICKET_SECRET: ticket,
      SIM_PUBLIC_URL: sim.baseUrl,
      REDIS_URL: undefined,
    },
  });
  const chromium = await launchChromium();
  try {
    // one browser profile for every entry: its HTTP cache is what "warm" means
    const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const run = randomBytes(3).toString('hex');
    const entries: Entry[] = [];
    for (let i = 0; i <= args.entries; i++) {
      const tag = `en${run}${i}`;
      const player = await createPlayer(web.origin, tag);
      await context.clearCookies();
      await context.addCookies(
        player.cookie.split('; ').map((kv) => {
          const eq = kv.indexOf('=');
          return { name: kv.slice(0, eq), value: kv.slice(eq + 1), url: web.origin };
        }),
      );
      const e = await enter(page, web.origin, `B${tag}`.slice(0, 16));
      say(
        `${i === 0 ? 'cold' : `warm ${i}`}: first city frame ${ms(e.frame)} ms (${e.newDocument ? 'a new document' : 'client-side navigation'})`,
      );
      entries.push(e);
    }
    await context.close();
    const [cold, ...warm] = entries;
    const frames = warm.map((e) => e.frame);
    const row = (label: string, xs: Entry[]) => {
      const f = xs.map((e) => e.frame);
      const how = xs.every((e) => !e.newDocument)
        ? 'client-side'
        : xs.every((e) => e.newDocument)
          ? 'new document'
          : 'mixed';
      return `| ${label} | ${xs.length} | ${how} | ${ms(percentile(f, 50))} / ${ms(percentile(f, 95))} / ${ms(Math.max(...f))} |`;
    };
    const p95 = percentile(frames, 95);
    const section = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu}, ${machine.cores} cores (Node ${process.version}), headless Chromium with the e2e suite's arguments at 1400×900; the web's production build (\`next start\`) and the sim on the same machine, no Redis.`,
      '',
      '```',
      `pnpm bench:enter --entries ${args.entries}`,
      '```',
      '',
      '| cache | entries | navigation to /play | first city frame p50 / p95 / max ms |',
      '| --- | ---: | --- | ---: |',
      row('cold (the browser\u2019s first entry; /characters loaded)', [cold!]),
      row('warm', warm),
      '',
      `Times from the click on "Enter" to the renderer's first frame with the city (the page's clock: a capture listener keeps the click's time, the frame painter marks \`${FIRST_WORLD_FRAME}\`), through the ticket, the socket's connection and the zone's welcome. Budget: first city frame ≤ ${BUDGET_MS} ms on a warm cache — **${p95 <= BUDGET_MS ? 'met' : 'not met'}** (p95 ${ms(p95)} ms).`,
    ].join('\n');
    console.log(`\n${section}\n`);
    if (args.write)
      await writeDocSection(
        path.resolve(root, args.out),
        {
          start: '<!-- bench:enter:start -->',
          end: '<!-- bench:enter:end -->',
          heading: 'From "Enter" to the first frame (issue 27): `pnpm bench:enter`',
        },
        section,
      );
  } finally {
    await chromium.close();
    await web.stop();
    await sim.stop();
    await db.drop();
    await pg.stop();
  }
}

await main();
