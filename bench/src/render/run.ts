/**
 * `pnpm bench:render`: the web client's world renderer against issue 27's frame
 * budget, in headless Chromium started as the e2e suite starts it. The same Watson
 * crowd (page/crowd.ts) drawn by the game's Canvas 2D Renderer as it is, as
 * pre-rendered sprites with Canvas 2D drawImage, and as the same sprites with
 * pixi.js 8 in WebGL, beside a floor (a canvas with one fill a frame); each at a
 * desktop and a phone viewport, in `--rounds` interleaved windows. Reports frame rate,
 * frame intervals, the draw's JavaScript, the frame's main-thread work and the
 * browser's CPU. Results go into docs/perf.md between the render markers. Nothing
 * asserts timings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describeMachine } from '../machine';
import { parseRenderArgs } from './args';
import { launchChromium, probeWebGL } from './browser';
import { bundlePages } from './bundle';
import { measureCase, type CaseWindow } from './measure-case';
import { startPageServer } from './page-server';
import { budget, renderRenderResults, writeRenderResults } from './report';
import { poolWindows, type RenderRun } from './rounds';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const say = (msg: string) => console.log(`[bench:render] ${msg}`);
const f = (n: number, d = 1) => n.toFixed(d);

const line = (r: RenderRun) =>
  r.failed
    ? `${r.case} @ ${r.viewport}: not run: ${r.failed}`
    : `${r.case} @ ${r.viewport}: ${f(r.fps)} fps, interval p95 ${f(r.interval.p95)} ms, draw p50/p95 ${f(r.draw.p50)}/${f(r.draw.p95)} ms, ` +
      `frame work p50/p95 ${f(r.work.p50)}/${f(r.work.p95)} ms, browser ${f(r.cpuCores, 2)} cores (${f(r.cpuMsPerFrame)} ms/frame): ${budget(r)}`;

async function chromiumVersion(): Promise<string> {
  const c = await launchChromium();
  try {
    return c.browser.version();
  } finally {
    await c.close();
  }
}

async function main() {
  const args = parseRenderArgs(process.argv.slice(2));
  const machine = describeMachine();
  say(`${machine.cpu}, ${machine.cores} cores`);
  const scripts = await bundlePages(args.cases);
  for (const [c, js] of scripts) say(`bundled ${c}: ${f(js.length / 1024, 0)} KiB`);
  const server = await startPageServer(scripts);
  try {
    const chromium = await chromiumVersion();
    say(`Chromium ${chromium}`);
    const probe = args.cases.includes('pixi-webgl') ? await probeWebGL(say) : null;
    const webgl = !args.cases.includes('pixi-webgl')
      ? 'not needed (no WebGL case run)'
      : !probe
        ? 'none under any of the arguments tried'
        : probe.extraArgs.length === 0
          ? `${probe.version} with the e2e arguments alone`
          : `${probe.version} only with \`${probe.extraArgs.join(' ')}\` added (the WebGL case runs with it)`;
    const windows: CaseWindow[] = [];
    for (let round = 1; round <= args.rounds; round++)
      for (const viewport of args.sizes)
        for (const c of args.cases) {
          const w = await measureCase({
            origin: server.origin,
            case: c,
            viewport,
            figures: args.figures,
            effects: args.effects,
            warmupSeconds: args.warmup,
            seconds: args.seconds,
            extraArgs: c === 'pixi-webgl' ? (probe?.extraArgs ?? []) : [],
          });
          windows.push(w);
          say(`round ${round}: ${line(poolWindows([w]))}`);
        }
    const runs = args.sizes.flatMap((viewport) =>
      args.cases.map((c) =>
        poolWindows(windows.filter((w) => w.case === c && w.viewport === viewport)),
      ),
    );
    if (args.rounds > 1) for (const r of runs) say(`pooled: ${line(r)}`);
    const section = await prettier.format(
      renderRenderResults({
        machine,
        chromium,
        command: `pnpm bench:render ${process.argv.slice(2).join(' ')}`.trim(),
        when: new Date(),
        figures: args.figures,
        effects: args.effects,
        seconds: args.seconds,
        warmup: args.warmup,
        rounds: args.rounds,
        webgl,
        runs,
      }),
      { parser: 'markdown' },
    );
    console.log(section);
    if (args.write) {
      await writeRenderResults(path.resolve(root, args.out), section);
      say(`results written to ${args.out}`);
    }
    if (runs.some((r) => r.failed)) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

await main();
