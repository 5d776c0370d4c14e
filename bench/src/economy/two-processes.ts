/**
 * The paced mix on two processes at once (issue 29: "also on two processes"): each runs
 * `paced-process.ts` at half the rate with its own pool, on the same goods' books (one
 * writer per good across processes: the book's row, SKIP LOCKED). Both seed first and
 * start together; their calls are merged into one table.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from '@necp/db';
import { busyCores, readCpuTimes, watchCpuMs } from '../machine';
import { percentile } from '../stats';
import { Recorder, type RecorderDump } from './measure';
import { PACED_GOODS, type PhaseResult } from './phases';

const here = path.dirname(fileURLToPath(import.meta.url));
const OutputSchema = z.object({
  calls: z.custom<RecorderDump>((v) => typeof v === 'object' && v !== null),
  /** its calls sent after its first STEADY_AFTER_MS */
  steadyMs: z.array(z.number()),
  seconds: z.number(),
  sentSeconds: z.number(),
  goods: z.array(z.string()),
  /** its own CPU ms over its timed window */
  nodeMs: z.number(),
});

interface Child {
  ready: Promise<void>;
  done: Promise<z.infer<typeof OutputSchema>>;
  go(): void;
}

function start(o: { url: string; rate: number; seconds: number; seed: number; pool: number }) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'paced-process.ts'), JSON.stringify(o)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const out = readline.createInterface({ input: child.stdout });
  let ready!: () => void;
  let last = '';
  const isReady = new Promise<void>((r) => (ready = r));
  out.on('line', (l) => (l === 'ready' ? ready() : (last = l)));
  const done = new Promise<z.infer<typeof OutputSchema>>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(OutputSchema.parse(JSON.parse(last)))
        : reject(new Error(`paced process exited with ${code}`)),
    );
  });
  // a child that dies before `ready` must not leave the parent waiting
  const readyOrDead = Promise.race([isReady, done.then(() => undefined)]);
  return { ready: readyOrDead, done, go: () => child.stdin.write('go\n') } satisfies Child;
}

export async function pacedTwoProcesses(
  db: Db,
  url: string,
  o: { rate: number; seconds: number; seed: number; pool: number },
) {
  const half = Math.max(1, Math.round(o.rate / 2));
  const children = [0, 1].map((i) =>
    start({ url, rate: half, seconds: o.seconds, seed: o.seed + 100 * i, pool: o.pool }),
  );
  await Promise.all(children.map((c) => c.ready));
  const count = () => db.marketFill.count({ where: { templateId: { in: PACED_GOODS } } });
  const fills0 = await count();
  const cpu0 = readCpuTimes();
  // read as they run: each child's backends end with it, before its results are read
  const postgres = watchCpuMs(['postgres']);
  for (const c of children) c.go();
  const outs = await Promise.all(children.map((c) => c.done));
  const cores = busyCores(cpu0, readCpuTimes());
  const postgresMs = postgres();
  const rec = new Recorder();
  for (const out of outs) rec.absorb(out.calls);
  const result: PhaseResult = {
    name: `paced ${half * 2}/s on two processes`,
    ...(cores === undefined ? {} : { busyCores: cores }),
    cpu: { nodeMs: outs.reduce((n, x) => n + x.nodeMs, 0), postgresMs },
    ops: half * 2 * o.seconds,
    seconds: Math.max(...outs.map((x) => x.seconds)),
    fills: (await count()) - fills0,
    calls: rec.stats(),
    all: rec.all(),
  };
  return {
    result,
    sentSeconds: Math.max(...outs.map((x) => x.sentSeconds)),
    // as one process's paced run reports it: without each process's start
    p99Steady: percentile(
      outs.flatMap((x) => x.steadyMs),
      99,
    ),
  };
}
