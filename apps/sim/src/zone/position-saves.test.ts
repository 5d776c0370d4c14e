import { describe, expect, it } from 'vitest';
import {
  BANK_RANGE,
  INTERACT_RANGE,
  MAIL_RANGE,
  METRO_RANGE,
  contactsInZone,
  metroStationAt,
  metroStations,
  zoneById,
} from '@necp/shared';
import { servicePointsOf } from './position-saves';

describe('servicePointsOf', () => {
  const watson = zoneById('watson')!;
  const points = new Map(servicePointsOf(watson).map((p) => [p.id, p]));

  it('gives each kind of service point the range of its own rule', () => {
    const stations = metroStations(watson.spawnPoints);
    expect(stations.length).toBeGreaterThan(0);
    for (const s of stations) expect(points.get(s.id)?.range).toBe(METRO_RANGE);
    for (const s of watson.spawnPoints.filter((p) => p.kind === 'bank_terminal'))
      expect(points.get(s.id)?.range).toBe(BANK_RANGE);
    const mail = watson.spawnPoints.filter((p) => p.kind === 'mail_terminal');
    expect(mail.length).toBeGreaterThan(0);
    for (const s of mail) expect(points.get(s.id)?.range).toBe(MAIL_RANGE);
    for (const k of contactsInZone('watson'))
      expect(points.get(`contact:${k.id}`)?.range).toBe(INTERACT_RANGE);
  });

  it('a station is "near" exactly where the metro rule offers the ride (on its ring)', () => {
    for (const s of metroStations(watson.spawnPoints)) {
      const { range } = points.get(s.id)!;
      const onRing = { x: s.x, y: s.y + range };
      const outside = { x: s.x, y: s.y + range + 0.01 };
      expect(metroStationAt(watson.spawnPoints, onRing)?.id).toBe(s.id);
      expect(metroStationAt(watson.spawnPoints, outside)).toBeNull();
    }
  });
});
