/**
 * A worker thread hosting a share of the bots (`--bot-threads`): the main thread
 * sends commands, the worker answers each with one reply. Bots in several threads
 * can use several cores on a machine that has them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { benchZone } from './population';
import { Swarm } from './swarm';
import type { SwarmReply, SwarmRequest, SwarmWorkerData } from './swarm-protocol';

const port = parentPort;
if (!port) throw new Error('swarm-worker must run in a worker thread');
const data = workerData as SwarmWorkerData;
const swarm = new Swarm(data.identities, {
  url: data.url,
  zone: benchZone(),
  behaviour: data.behaviour,
  secret: data.secret,
  ...(data.square ? { square: data.square } : {}),
  ...(data.seed === undefined ? {} : { seed: data.seed }),
});
swarm.start();

const reply = (r: SwarmReply) => port.postMessage(r);

port.on('message', (req: SwarmRequest) => {
  switch (req.type) {
    case 'connect':
      void swarm
        .connectAll(req.perSecond, (done) => port.postMessage({ type: 'progress', done }))
        .then((report) => reply({ type: 'connected', report }));
      return;
    case 'reset':
      swarm.resetCounters();
      reply({ type: 'ok' });
      return;
    case 'collect':
      reply({ type: 'collected', snapshot: swarm.snapshot() });
      return;
    case 'close':
      swarm.close();
      reply({ type: 'ok' });
      return;
  }
});
