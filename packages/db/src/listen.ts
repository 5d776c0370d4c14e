/**
 * A LISTEN on one channel that stays: a connection of its own, made again a second after
 * an error or a lost connection. `onNotify` runs for each notification (with its payload),
 * and once after every connect too (with none) — what was notified while nothing listened
 * is never heard, so the listener's owner looks for it then (the outbox's worker queues a
 * drain).
 */
import pg from 'pg';
import { pgConfigFromUrl } from './url';

export interface Listening {
  /** true once the first LISTEN has been answered */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;

export function listenChannel(
  url: string,
  channel: string,
  onNotify: (payload?: string) => void,
  onError: (err: unknown) => void,
): Listening {
  // interpolated into LISTEN: a plain lower-case identifier only
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel))
    throw new Error(`listenChannel: bad channel ${channel}`);
  let closed = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let firstReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstReady = resolve));

  const again = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, RECONNECT_MS);
  };

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client(pgConfigFromUrl(url));
    client = c;
    // an error on the held connection must not crash the process: it ends, and is made again
    c.on('error', (err) => {
      onError(err);
      void c.end().catch(() => undefined);
      again();
    });
    c.on('end', () => {
      if (client === c) client = undefined;
      again();
    });
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      onError(err);
      await c.end().catch(() => undefined);
      again();
      return;
    }
    if (closed) return void (await c.end().catch(() => undefined));
    firstReady();
    onNotify();
  };

  void connect();
  return {
    ready,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
