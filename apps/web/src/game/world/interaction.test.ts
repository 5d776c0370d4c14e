import { describe, expect, it } from 'vitest';
import type { ZoneInfo } from '@necp/shared';
import { canLoot, terminalInRange, nearestReachable, type GroundDrop } from './interaction';

const drop = (eid: number, x: number, over: Partial<GroundDrop> = {}): GroundDrop => ({
  eid,
  templateId: 'scrap_metal',
  name: `Drop ${eid}`,
  rarity: 'common',
  quantity: 1,
  x,
  y: 0,
  ownerCharacterId: null,
  ownerName: null,
  freeAt: 0,
  partyId: null,
  rolling: false,
  ...over,
});

describe('nearestReachable', () => {
  it('picks the nearest lootable drop, even with a crate nearer; the crate when no drop is in reach', () => {
    const crate = { eid: 9, name: 'Crate', x: 0.5, y: 0 };
    const r = nearestReachable({ x: 0, y: 0 }, [drop(1, 1.5), drop(2, 0.8)], [crate], 2, 'me', 0);
    expect(r).toMatchObject({ kind: 'drop', eid: 2 });
    expect(nearestReachable({ x: 0, y: 0 }, [drop(1, 3)], [crate], 2, 'me', 0)).toMatchObject({
      kind: 'crate',
      eid: 9,
    });
    // a drop that is not yours yet does not hide the crate
    const theirs = drop(3, 0.2, { ownerCharacterId: 'them', freeAt: 1000 });
    expect(nearestReachable({ x: 0, y: 0 }, [theirs], [crate], 2, 'me', 0)).toMatchObject({
      kind: 'crate',
    });
    expect(nearestReachable({ x: 0, y: 0 }, [drop(1, 3)], [], 2, 'me', 0)).toBeNull();
  });

  it("prefers a lootable drop over a nearer one that is someone else's", () => {
    const theirs = drop(1, 0.2, { ownerCharacterId: 'them', freeAt: 1000 });
    const free = drop(2, 1.5);
    expect(nearestReachable({ x: 0, y: 0 }, [theirs, free], [], 2, 'me', 0)).toMatchObject({
      eid: 2,
      locked: false,
    });
    // alone, the locked one is still reported: the hint says whose it is and when it frees
    const kiras = { ...theirs, ownerName: 'Kira' };
    expect(nearestReachable({ x: 0, y: 0 }, [kiras], [], 2, 'me', 0)).toMatchObject({
      eid: 1,
      locked: true,
      reserved: 'Reserved for Kira — free in 1 s',
    });
    const party = drop(4, 0.2, {
      ownerCharacterId: 'k',
      ownerName: 'Kira',
      partyId: 'p1',
      freeAt: 23_000,
    });
    expect(nearestReachable({ x: 0, y: 0 }, [party], [], 2, 'me', 400, 'p2')).toMatchObject({
      reserved: "Reserved for Kira's party — free in 23 s",
    });
    expect(nearestReachable({ x: 0, y: 0 }, [party], [], 2, 'me', 400, 'p1')).toMatchObject({
      locked: false,
      reserved: null,
    });
    // once free, anyone may take it
    expect(nearestReachable({ x: 0, y: 0 }, [theirs], [], 2, 'me', 1000)).toMatchObject({
      locked: false,
    });
  });
});

describe('terminalInRange', () => {
  const zone: ZoneInfo = {
    id: 'z',
    name: 'Z',
    width: 100,
    height: 100,
    streets: [],
    obstacles: [],
    areas: [],
    spawnPoints: [
      { id: 'start', kind: 'player_start', name: 'Start', x: 10, y: 10 },
      { id: 'bank', kind: 'bank_terminal', name: 'Bank', x: 50, y: 50 },
      { id: 'mail', kind: 'mail_terminal', name: 'Mail', x: 53, y: 50 },
      { id: 'ah', kind: 'auction_terminal', name: 'Exchange', x: 80, y: 80 },
    ],
  };
  it('finds the nearest terminal of its kind within range only', () => {
    expect(terminalInRange(zone, { x: 52, y: 50 }, 'bank_terminal', 4)?.id).toBe('bank');
    expect(terminalInRange(zone, { x: 52, y: 50 }, 'mail_terminal', 4)?.id).toBe('mail');
    expect(terminalInRange(zone, { x: 52, y: 50 }, 'auction_terminal', 4)).toBeNull();
    expect(terminalInRange(zone, { x: 78, y: 79 }, 'auction_terminal', 6)?.id).toBe('ah');
    expect(terminalInRange(zone, { x: 10, y: 10 }, 'bank_terminal', 4)).toBeNull();
  });
});

describe('canLoot (party loot)', () => {
  it("a party drop is the party's before freeAt; a rolled drop is nobody's until decided", () => {
    const d = drop(1, 0, { ownerCharacterId: 'lead', partyId: 'p1', freeAt: 1000 });
    expect(canLoot(d, 'lead', 0)).toBe(true);
    expect(canLoot(d, 'member', 0, 'p1')).toBe(true);
    expect(canLoot(d, 'stranger', 0, 'p2')).toBe(false);
    expect(canLoot(d, 'stranger', 1000, null)).toBe(true);
    const rolled = drop(2, 0, { partyId: 'p1', rolling: true, freeAt: 1000 });
    expect(canLoot(rolled, 'member', 5000, 'p1')).toBe(false);
  });
});
