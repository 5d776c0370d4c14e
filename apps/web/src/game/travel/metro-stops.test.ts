import { describe, expect, it } from 'vitest';
import { ZONES } from '@necp/shared';
import { metroStops } from './metro-stops';

describe('metroStops', () => {
  it('lists the live districts with a station, the current one marked', () => {
    const stops = metroStops(ZONES, 'watson', 1);
    expect(stops.map((s) => s.zoneId)).toEqual(['watson', 'westbrook', 'city-center']);
    expect(stops.filter((s) => s.here).map((s) => s.zoneId)).toEqual(['watson']);
    expect(stops[1]).toMatchObject({
      name: 'Westbrook',
      stationName: 'Japantown Metro',
      minLevel: 10,
      maxLevel: 30,
    });
  });

  it('warns about districts above your level', () => {
    const by = (level: number) =>
      Object.fromEntries(metroStops(ZONES, 'watson', level).map((s) => [s.zoneId, s.danger]));
    expect(by(1)).toEqual({ watson: null, westbrook: 'danger', 'city-center': 'deadly' });
    expect(by(16)).toEqual({ watson: null, westbrook: null, 'city-center': 'danger' });
    expect(by(30)).toEqual({ watson: null, westbrook: null, 'city-center': null });
  });

  it('leaves out zones that are not running or have no station', () => {
    const base = ZONES[0]!;
    const stops = metroStops(
      [
        base,
        { ...base, id: 'closed', live: false },
        {
          ...base,
          id: 'no-metro',
          spawnPoints: base.spawnPoints.filter((p) => p.kind !== 'metro_station'),
        },
      ],
      null,
      5,
    );
    expect(stops.map((s) => s.zoneId)).toEqual(['watson']);
  });
});
