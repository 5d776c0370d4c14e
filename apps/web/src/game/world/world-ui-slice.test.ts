import { describe, expect, it } from 'vitest';
import { createGameStore } from '../store/game-store';
import type { MetroRide } from './world-ui-slice';

const ride = (): MetroRide => ({
  fromName: 'Watson',
  toZoneId: 'kabuki',
  toName: 'Kabuki',
  startedAt: 1,
  arrived: false,
});
const banner = { areaId: 'kabuki', name: 'Kabuki', at: 2, district: true };

describe('the world slice: a metro ride', () => {
  it('starts, arrives, and ends with the district banner', () => {
    const store = createGameStore();
    const s = store.getState();
    s.rideStarted(ride());
    s.rideArrived();
    expect(store.getState().ride).toEqual({ ...ride(), arrived: true });
    s.rideEnded(banner);
    expect(store.getState()).toMatchObject({ ride: null, areaBanner: banner });
  });

  it('an arrival after the ride was cancelled brings nothing back', () => {
    const store = createGameStore();
    const s = store.getState();
    s.rideStarted(ride());
    s.rideCancelled();
    s.rideArrived();
    expect(store.getState().ride).toBeNull();
    expect(store.getState().areaBanner).toBeNull();
  });
});
