/** Child process of probe.ts: idle socket.io clients that join and do nothing (snapshots not decoded). */
import { io, type Socket } from 'socket.io-client';
import { snapshotParser } from '@necp/shared';

const sockets: Socket[] = [];
process.on('message', (m: { url: string; tickets: string[]; perSecond: number }) => {
  void run(m);
});
async function run(m: { url: string; tickets: string[]; perSecond: number }) {
  const joins: number[] = [];
  const fails: Record<string, number> = {};
  const gap = 1000 / m.perSecond;
  const t0 = performance.now();
  await Promise.all(
    m.tickets.map(
      (ticket, i) =>
        new Promise<void>((resolve) => {
          setTimeout(
            () => {
              const s = io(m.url, {
                auth: { ticket },
                parser: snapshotParser,
                transports: ['websocket'],
                reconnection: false,
                forceNew: true,
                timeout: 30_000,
              });
              sockets.push(s);
              const at = performance.now();
              s.once('zone:welcome', () => {
                joins.push(performance.now() - at);
                resolve();
              });
              s.once('connect_error', (e: Error & { data?: { code: string } }) => {
                const c = e.data?.code ?? e.message;
                fails[c] = (fails[c] ?? 0) + 1;
                resolve();
              });
            },
            t0 + i * gap - performance.now(),
          );
        }),
    ),
  );
  process.send!({ joins, fails });
}
