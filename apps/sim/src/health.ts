import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Zone } from './zone/zone';

/** GET /health on the sim's HTTP port: liveness plus a glance at each zone. */
export function healthHandler(zones: ReadonlyMap<string, Zone>, isClosing: () => boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      const closing = isClosing();
      const body = {
        status: closing ? 'shutting_down' : 'ok',
        zones: [...zones.values()].map((z) => ({ id: z.id, tick: z.tick, players: z.playerCount })),
      };
      res.writeHead(closing ? 503 : 200, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  };
}
