// Where a confirmed match's instance opens when another process is the least loaded
// (docs/instances.md): that one is asked. Once it holds the instance's lease it is
// opening it, however long a loaded machine takes — this process neither opens it
// itself (that failed on the lease and released a match whose instance then opened
// anyway) nor gives the match up. A chosen process that never takes the lease, or
// drops it, is replaced by this one. Real PostgreSQL and Redis; the other process is
// played by the test with the same lease and instance calls.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  createLog,
  openInstance,
  RedisZoneLeases,
  SimLoadRegistry,
  type ConfirmedMatch,
} from '@necp/game';
import { disposeTestRedis, testRedis } from '@necp/game/testing';
import { instanceZoneId } from '@necp/shared';
import type { SimIo } from '../net/types';
import { testDb } from '../testing/test-db';
import { WAIT } from '../testing/eventually';
import type { InstanceHost } from './instance-host';
import { instanceLauncher } from './instance-launcher';

const db = testDb(2);
const redis = testRedis('lnch');
afterAll(async () => {
  await disposeTestRedis(redis);
  await db.$disconnect();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** This process ("sim-a", busy) with a launcher; "sim-b" idle and live, so it is asked. */
async function launcherOnA() {
  await new SimLoadRegistry(redis).publish({
    ownerId: 'sim-b',
    url: 'http://b',
    players: 0,
    instances: 0,
    at: Date.now(),
  });
  const asked: string[] = [];
  const openedHere: string[] = [];
  const launcher = instanceLauncher({
    deps: { db, redis },
    log: createLog('launcher-test', 'silent'),
    io: { serverSideEmit: (_ev: string, target: string) => asked.push(target) } as unknown as SimIo,
    host: {
      open: (m: ConfirmedMatch) => Promise.resolve(openedHere.push(m.matchId) > 0),
    } as unknown as InstanceHost,
    ownerId: 'sim-a',
    self: () => ({ url: 'http://a', players: 50, instances: 0 }),
    remoteOpenWaitMs: 300,
  });
  const matchId = randomUUID();
  const match: ConfirmedMatch = {
    matchId,
    queue: 'raid',
    kind: 'raid',
    bracket: null,
    teams: [[]],
  };
  const zoneId = instanceZoneId('raid-quantum-reef', matchId);
  return { launcher, match, zoneId, asked, openedHere };
}

const openOnB = (matchId: string, zoneId: string) =>
  openInstance(
    { db },
    {
      zoneId,
      matchId,
      templateId: 'raid-quantum-reef',
      kind: 'raid',
      hostId: 'sim-b',
      memberIds: [],
    },
  );

describe('the instance launcher asking another process', () => {
  it('waits for a chosen process that holds the lease, however long it takes to open', async () => {
    const { launcher, match, zoneId, asked, openedHere } = await launcherOnA();
    const b = new RedisZoneLeases(redis, { ownerId: 'sim-b', url: 'http://b', ttlMs: 3_000 });
    const launched = launcher.launch(match);
    await vi.waitFor(() => expect(asked).toEqual(['sim-b']), WAIT);
    const lease = await b.tryAcquire(zoneId);
    expect(lease).not.toBeNull();
    // three times the wait: still opening (its lease renewed), not replaced
    await wait(900);
    expect(await b.renew(lease!)).toBe(true);
    await openOnB(match.matchId, zoneId);
    await launched;
    expect(openedHere).toEqual([]);
    await b.release(lease!);
  });

  it('opens it here when the chosen process never takes the lease', async () => {
    const { launcher, match, asked, openedHere } = await launcherOnA();
    await launcher.launch(match);
    expect(asked).toEqual(['sim-b']);
    expect(openedHere).toEqual([match.matchId]);
  });

  it('opens it here when the chosen process dies holding the lease (it lapses)', async () => {
    const { launcher, match, zoneId, openedHere } = await launcherOnA();
    const b = new RedisZoneLeases(redis, { ownerId: 'sim-b', url: 'http://b', ttlMs: 800 });
    const launched = launcher.launch(match);
    expect(await b.tryAcquire(zoneId)).not.toBeNull();
    await wait(500);
    expect(openedHere).toEqual([]);
    await launched;
    expect(openedHere).toEqual([match.matchId]);
  });
});
