import { describe, expect, it } from 'vitest';
import { instanceZoneId } from '@necp/shared';
import {
  instanceOf,
  isInstanceZone,
  zoneBannerSub,
  zoneContentById,
  zoneDisplayName,
} from './zone-lookup';

const matchId = '7c1f0b6e-2d7a-4f5e-9a51-3f1c2b8d9e01';
const arena = instanceZoneId('arena-neon-pit', matchId);

describe('zone lookup', () => {
  it('resolves a district as before', () => {
    expect(zoneContentById('watson')?.name).toBe('Watson');
    expect(isInstanceZone('watson')).toBe(false);
    expect(zoneBannerSub('watson')).toMatch(/^District · levels \d+–\d+$/);
  });

  it("resolves an instance to its template's content under the instance's own id", () => {
    const z = zoneContentById(arena);
    expect(z).toMatchObject({ id: arena, name: 'Neon Pit Arena', width: 64, height: 40 });
    expect(z?.obstacles.length).toBeGreaterThan(0);
    expect(instanceOf(arena)).toEqual({
      kind: 'arena',
      matchId,
      templateId: 'arena-neon-pit',
    });
    expect(isInstanceZone(arena)).toBe(true);
    expect(zoneDisplayName(arena)).toBe('Neon Pit Arena');
    expect(zoneBannerSub(arena)).toBe('Arena · instance');
  });

  it('knows nothing of unknown ids', () => {
    for (const id of ['nowhere', 'nowhere--abc', 'arena-neon-pit--', '--abc']) {
      expect(zoneContentById(id)).toBeUndefined();
      expect(isInstanceZone(id)).toBe(false);
      expect(zoneBannerSub(id)).toBeUndefined();
    }
    expect(zoneDisplayName('nowhere')).toBe('nowhere');
    expect(instanceOf(null)).toBeNull();
  });
});
