/**
 * A CPU profile of the sim over the measured window only (not start-up, connects or
 * shutdown, which `--cpu-prof` would mix in): the sim runs with `--inspect` on a
 * loopback port and the bench drives V8's profiler over the DevTools protocol.
 */
import WebSocket from 'ws';
import { z } from 'zod';

/** The V8 CPU profile (the `.cpuprofile` format DevTools and speedscope read). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const TargetsSchema = z.array(z.object({ webSocketDebuggerUrl: z.string() })).min(1);
const ReplySchema = z.object({
  id: z.number(),
  result: z.unknown().optional(),
  error: z.object({ message: z.string() }).optional(),
});

export interface WindowProfiler {
  start(): Promise<void>;
  stop(): Promise<CpuProfile>;
  close(): void;
}

/** Attaches to the sim's inspector on 127.0.0.1:`port`. */
export async function attachProfiler(port: number, samplingUs = 500): Promise<WindowProfiler> {
  const res = await fetch(`http://127.0.0.1:${port}/json/list`);
  const [target] = TargetsSchema.parse(await res.json());
  const ws = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const parsed = ReplySchema.safeParse(JSON.parse(String(data)));
    if (!parsed.success) return; // events (no id) are not asked for
    const p = pending.get(parsed.data.id);
    if (!p) return;
    pending.delete(parsed.data.id);
    if (parsed.data.error) p.reject(new Error(`inspector: ${parsed.data.error.message}`));
    else p.resolve(parsed.data.result);
  });
  const call = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });

  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: samplingUs });
  return {
    start: async () => {
      await call('Profiler.start');
    },
    stop: async () => {
      const result = (await call('Profiler.stop')) as { profile: CpuProfile };
      return result.profile;
    },
    close: () => ws.close(),
  };
}
