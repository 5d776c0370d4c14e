import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryZoneLeases, createLog, type HeldZoneLease, type ZoneLeases } from '@necp/game';
import { ZoneKeeper } from './zone-keeper';

const log = createLog('keeper-test', 'silent');
const TTL = 3_000;

/** Redis-like leases whose renew can be made to hang (an unreachable Redis). */
function stuckLeases(): ZoneLeases & { hang: boolean } {
  const memory = new MemoryZoneLeases('me', 'http://me');
  return {
    fenced: true,
    ownerId: 'me',
    url: 'http://me',
    ttlMs: TTL,
    hang: false,
    tryAcquire: (z) => memory.tryAcquire(z),
    renew(lease: HeldZoneLease) {
      return this.hang ? new Promise<boolean>(() => undefined) : memory.renew(lease);
    },
    release: (l) => memory.release(l),
    raiseTokenFloor: (z, f) => memory.raiseTokenFloor(z, f),
  };
}

describe('ZoneKeeper', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = async (ms: number) => {
    now += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  /** A keeper of Watson on these leases; `lost` lists the zones it gave up. */
  const watsonKeeper = (leases: ZoneLeases) => {
    const lost: string[] = [];
    const keeper = new ZoneKeeper({
      leases,
      zoneIds: ['watson'],
      log,
      now: () => now,
      onAcquired: () => Promise.resolve(true),
      onLost: (z) => Promise.resolve(void lost.push(z)),
    });
    return { keeper, lost };
  };

  it('gives a zone up once no renew got through for a whole TTL (Redis unreachable)', async () => {
    const leases = stuckLeases();
    const { keeper, lost } = watsonKeeper(leases);
    await keeper.start();
    expect(keeper.owned()).toEqual([{ zoneId: 'watson', token: 1 }]);
    await advance(2_000);
    leases.hang = true;
    await advance(2_000); // last confirmed at 2 s: still within its TTL
    expect(lost).toEqual([]);
    await advance(1_500);
    expect(lost).toEqual(['watson']);
    expect(keeper.owned()).toEqual([]);
    await keeper.stop();
  });

  it.each([
    ['memory leases survive a stalled event loop: nobody else can take them', 60_000, false],
    ['fenced leases survive a stalled event loop when the late renew gets through', 10_000, true],
  ])('%s', async (_, stallMs, fenced) => {
    const { keeper, lost } = watsonKeeper(
      fenced ? stuckLeases() : new MemoryZoneLeases('me', 'http://me'),
    );
    await keeper.start();
    now += stallMs; // no timer fired meanwhile (past the TTL); no renew was in flight
    await advance(1_000);
    expect(lost).toEqual([]);
    expect(keeper.owned()).toEqual([{ zoneId: 'watson', token: 1 }]);
    await keeper.stop();
  });

  it('a zone that failed to open is handed back and tried again on the next round', async () => {
    const leases = new MemoryZoneLeases('me', 'http://me');
    let fail = true;
    const keeper = new ZoneKeeper({
      leases,
      zoneIds: ['watson'],
      log,
      now: () => now,
      onAcquired: () => (fail ? Promise.reject(new Error('db down')) : Promise.resolve(true)),
      onLost: () => Promise.resolve(),
    });
    await keeper.start();
    expect(keeper.owned()).toEqual([]);
    expect(await leases.ownerOf('watson')).toBeNull(); // released, not left dangling
    fail = false;
    await advance(1_000);
    expect(keeper.owned()).toMatchObject([{ zoneId: 'watson' }]);
    await keeper.stop();
  });
});
