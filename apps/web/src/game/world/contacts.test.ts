import { describe, expect, it } from 'vitest';
import { INTERACT_RANGE, METRO_RANGE, METRO_SERVER_SLACK, type ZoneInfo } from '@necp/shared';
import {
  NEAR_RANGE,
  TALK_MARGIN,
  mapContacts,
  nearestContact,
  outOfTalkRange,
  stationInRange,
  type WorldContact,
} from './contacts';

const contact = (eid: number, contactId: string, x: number, y: number): WorldContact => ({
  eid,
  contactId,
  name: contactId,
  title: 'Fixer',
  vendor: false,
  x,
  y,
});

describe('nearestContact', () => {
  const regina = contact(1, 'regina', 236, 252);
  const dex = contact(2, 'dex', 223, 262);

  it('offers talking only inside INTERACT_RANGE minus the margin', () => {
    expect(NEAR_RANGE).toBe(INTERACT_RANGE - TALK_MARGIN);
    expect(nearestContact({ x: 236, y: 252 + NEAR_RANGE - 0.01 }, [regina])).toBe(regina);
    // within the server's range but not the margin: the saved position may still trail
    expect(nearestContact({ x: 236, y: 252 + INTERACT_RANGE - 0.2 }, [regina])).toBeNull();
    expect(nearestContact({ x: 236, y: 252 + INTERACT_RANGE + 1 }, [regina])).toBeNull();
  });

  it('picks the closest of several in range', () => {
    const a = contact(1, 'a', 10, 10);
    const b = contact(2, 'b', 12, 10);
    expect(nearestContact({ x: 11.4, y: 10 }, [a, b])).toBe(b);
    expect(nearestContact({ x: 10.6, y: 10 }, [a, b])).toBe(a);
    expect(nearestContact({ x: 256, y: 256 }, [regina, dex])).toBeNull();
  });
});

describe('stationInRange', () => {
  const zone: ZoneInfo = {
    id: 'watson',
    name: 'Watson',
    width: 512,
    height: 512,
    streets: [],
    obstacles: [],
    areas: [],
    spawnPoints: [
      { id: 'watson-start', kind: 'player_start', name: 'Kabuki Market', x: 256, y: 256 },
      { id: 'watson-bank', kind: 'bank_terminal', name: 'Bank', x: 256, y: 296 },
      { id: 'watson-metro', kind: 'metro_station', name: 'Kabuki Metro', x: 256, y: 300 },
    ],
  };
  it('finds a metro station (not another spawn point) anywhere on its drawn ring', () => {
    expect(stationInRange(zone, { x: 256, y: 297 })?.id).toBe('watson-metro');
    // standing on the ring (METRO_RANGE) already counts: no hidden margin
    expect(stationInRange(zone, { x: 256, y: 300 + METRO_RANGE })?.id).toBe('watson-metro');
    expect(stationInRange(zone, { x: 256, y: 300 + METRO_RANGE + 0.1 })).toBeNull();
    expect(stationInRange(zone, { x: 256, y: 256 })).toBeNull();
    // the window stays open up to what the server accepts
    const slackEdge = { x: 256, y: 300 + METRO_RANGE + METRO_SERVER_SLACK - 0.05 };
    expect(stationInRange(zone, slackEdge, METRO_SERVER_SLACK)?.id).toBe('watson-metro');
  });
});

describe('outOfTalkRange', () => {
  it('uses the contact in view, else where content puts it', () => {
    const moved = contact(1, 'regina', 300, 300);
    expect(outOfTalkRange({ x: 300, y: 303 }, 'regina', [moved], 'watson')).toBe(false);
    // content: Regina stands at (236, 252) in Watson
    expect(outOfTalkRange({ x: 236, y: 255.9 }, 'regina', [], 'watson')).toBe(false);
    expect(outOfTalkRange({ x: 236, y: 256.1 }, 'regina', [], 'watson')).toBe(true);
  });

  it('closes conversations with someone of another zone or nobody known', () => {
    expect(outOfTalkRange({ x: 236, y: 252 }, 'regina', [], 'westbrook')).toBe(true);
    expect(outOfTalkRange({ x: 0, y: 0 }, 'nobody_at_all', [], 'watson')).toBe(true);
  });
});

describe('mapContacts', () => {
  it("lists every contact of the zone with its marker, and no other zone's", () => {
    const list = mapContacts('watson', { regina: '!', dex: '?', wakako: '!' });
    const by = new Map(list.map((c) => [c.contactId, c]));
    expect(by.get('regina')).toEqual({
      contactId: 'regina',
      x: 236,
      y: 252,
      marker: '!',
      vendor: false,
    });
    expect(by.get('dex')?.marker).toBe('?');
    expect(by.get('koji')).toMatchObject({ marker: null, vendor: true });
    expect(by.has('wakako')).toBe(false);
    expect(mapContacts('nowhere', {})).toEqual([]);
  });
});
