/**
 * A worker thread of the chat bench: idle bots (they never move, so the sim sends them
 * next to no snapshots) whose sockets the chat traffic listens on and sends through.
 * One Swarm per sim process this thread's bots connect to.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { BotSocket } from '../bot';
import { benchZone } from '../population';
import { Swarm } from '../swarm';
import type { ConnectReport } from '../swarm-protocol';
import { count } from '../stats';
import type { ChatReply, ChatRequest, ChatWorkerData } from './protocol';
import { ChatTraffic, type ChatSender } from './traffic';

const port = parentPort;
if (!port) throw new Error('chat/worker must run in a worker thread');
const data = workerData as ChatWorkerData;
const now = () => performance.timeOrigin + performance.now();
const traffic = new ChatTraffic(now);
const sockets = new Map<number, BotSocket>();
const zone = benchZone();

const onSocket = (index: number, socket: BotSocket) => {
  sockets.set(index, socket);
  traffic.addBot(index);
  socket.on('chat:history', () => traffic.ready(index));
  socket.on('chat:message', (m) => traffic.received(index, m));
  socket.on('disconnect', () => traffic.gone(index));
};
const swarms = data.groups.map(
  (g) =>
    new Swarm(g.identities, {
      url: g.url,
      zone,
      behaviour: 'idle',
      secret: data.secret,
      onSocket,
    }),
);
const bots = new Map(swarms.flatMap((s) => s.bots.map((b) => [b.index, b] as const)));
/** the histogram records whole timer intervals: the delay is what exceeds this */
const LOOP_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
const delayMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);

const senderOf = (index: number): ChatSender | undefined => {
  const socket = sockets.get(index);
  if (!socket || !bots.get(index)?.isConnected) return undefined;
  return {
    send: (payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('chat:send', payload),
  };
};

const reply = (r: ChatReply) => port.postMessage(r);

async function connect(perSecond: number): Promise<ConnectReport> {
  const total = swarms.reduce((a, s) => a + s.bots.length, 0);
  const done = swarms.map(() => 0);
  const reports = await Promise.all(
    swarms.map((s, i) =>
      s.connectAll((perSecond * s.bots.length) / Math.max(total, 1), (d) => {
        done[i] = d;
        port!.postMessage({ type: 'progress', done: done.reduce((a, b) => a + b, 0) });
      }),
    ),
  );
  const failures: Record<string, number> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.failures)) count(failures, k, v);
  return {
    connected: reports.reduce((a, r) => a + r.connected, 0),
    failures,
    seconds: Math.max(0, ...reports.map((r) => r.seconds)),
  };
}

port.on('message', (req: ChatRequest) => {
  switch (req.type) {
    case 'connect':
      void connect(req.perSecond).then((report) => reply({ type: 'connected', report }));
      return;
    case 'roster':
      reply({ type: 'roster', ready: traffic.inChat().filter((i) => bots.get(i)?.isConnected) });
      return;
    case 'arm':
      for (const s of swarms) s.resetCounters();
      loopDelay.reset();
      loopDelay.enable();
      traffic.arm(req, senderOf);
      reply({ type: 'ok' });
      return;
    case 'collect': {
      loopDelay.disable();
      traffic.stop();
      const snaps = swarms.map((s) => s.snapshot());
      const bytes = new Map(
        swarms.flatMap((s) => s.bots.map((b) => [b.index, b.counters.bytesIn] as const)),
      );
      reply({
        type: 'collected',
        result: {
          bots: traffic.botResults((i) => bytes.get(i) ?? 0),
          status: traffic.status,
          refusals: traffic.refusals,
          histograms: traffic.histogramData(),
          late: traffic.late,
          duplicates: traffic.duplicates,
          unreadable: traffic.unreadable,
          stray: traffic.stray,
          loopDelay: {
            p99: loopDelay.count > 0 ? delayMs(loopDelay.percentile(99)) : 0,
            max: loopDelay.count > 0 ? delayMs(loopDelay.max) : 0,
          },
          connected: snaps.reduce((a, s) => a + s.connected, 0),
          disconnects: snaps.flatMap((s) => s.disconnects),
          kicked: snaps.flatMap((s) => s.kicked),
        },
      });
      return;
    }
    case 'close':
      traffic.stop();
      for (const s of swarms) s.close();
      reply({ type: 'ok' });
      return;
  }
});
