import { describe, expect, it } from 'vitest';
import { INTERACT_RANGE } from '../content/contact-schema';
import { METRO_RANGE, METRO_SERVER_SLACK, metroStationAt, metroStations } from './metro';

const points = [
  { id: 'start', kind: 'player_start', x: 0, y: 0 },
  { id: 'a', kind: 'metro_station', x: 100, y: 100 },
  { id: 'b', kind: 'metro_station', x: 106, y: 100 },
];

describe('metro stations', () => {
  it('lists only stations', () => {
    expect(metroStations(points).map((p) => p.id)).toEqual(['a', 'b']);
  });
  it('counts everything inside the drawn ring, edge included, and picks the nearest', () => {
    expect(METRO_RANGE).toBeGreaterThanOrEqual(INTERACT_RANGE);
    expect(metroStationAt(points, { x: 100, y: 100 + METRO_RANGE })?.id).toBe('a');
    expect(metroStationAt(points, { x: 104, y: 100 })?.id).toBe('b');
    expect(metroStationAt(points, { x: 100, y: 100 + METRO_RANGE + 0.01 })).toBeNull();
    expect(metroStationAt(points, { x: 0, y: 0 })).toBeNull();
  });
  it('lets the server accept a step beyond what the client shows, never less', () => {
    const edge = { x: 100, y: 100 + METRO_RANGE + METRO_SERVER_SLACK / 2 };
    expect(metroStationAt(points, edge)).toBeNull();
    expect(metroStationAt(points, edge, METRO_SERVER_SLACK)?.id).toBe('a');
  });
});
