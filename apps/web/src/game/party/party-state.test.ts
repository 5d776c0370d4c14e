import { describe, expect, it } from 'vitest';
import { PARTY_VITALS_STALE_MS, type PartyViewMsg } from '@necp/shared';
import {
  MAX_LOOT_CARDS,
  MAX_PENDING_INVITES,
  addRoll,
  dropLootCard,
  lootCardsShown,
  addInvite,
  applyPartyUpdate,
  applyPartyVitals,
  initialPartyState,
  openInvites,
  partyFrames,
  partyMarkers,
  removeInvite,
} from './party-state';

const member = (id: string, name: string, zoneId = 'watson') => ({
  id,
  name,
  level: 3,
  class: 'solo',
  zoneId,
});
const party: PartyViewMsg = {
  id: 'p1',
  leaderId: 'b',
  lootMode: 'free_for_all',
  lootThreshold: 'uncommon',
  members: [member('a', 'Ana'), member('b', 'Bex'), member('c', 'Cid', 'westbrook')],
};
const vitals = (id: string, over: object = {}) => ({
  id,
  level: 4,
  health: 50,
  maxHealth: 80,
  dead: false,
  zoneId: 'watson',
  x: 10,
  y: 20,
  ...over,
});

describe('party state', () => {
  it('frames: leader first, self marked, vitals fresh or the member shows offline', () => {
    let s = applyPartyUpdate(initialPartyState(), party);
    s = applyPartyVitals(s, { members: [vitals('b'), vitals('c', { zoneId: 'westbrook' })] }, 1000);
    const f = partyFrames(s, 'a', 1000);
    expect(f.map((x) => [x.name, x.leader, x.self, x.online])).toEqual([
      ['Bex', true, false, true],
      ['Ana', false, true, true],
      ['Cid', false, false, true],
    ]);
    expect(f[0]).toMatchObject({ level: 4, health: 50, maxHealth: 80, x: 10, y: 20 });
    // nobody reported Cid for too long: offline, no health shown, the last known district
    const later = partyFrames(s, 'a', 1000 + PARTY_VITALS_STALE_MS + 1);
    expect(later[2]).toMatchObject({ online: false, health: null, zoneId: 'westbrook' });
  });

  it('ignores vitals of strangers, of malformed messages and without a party', () => {
    const none = applyPartyVitals(initialPartyState(), { members: [vitals('a')] }, 1);
    expect(none.vitals).toEqual({});
    let s = applyPartyUpdate(initialPartyState(), party);
    s = applyPartyVitals(s, { members: [vitals('zz'), null, 'x'] }, 1);
    s = applyPartyVitals(s, 'garbage', 1);
    expect(s.vitals).toEqual({});
  });

  it('an update forgets the vitals of members who left; none ends the party', () => {
    let s = applyPartyUpdate(initialPartyState(), party);
    s = applyPartyVitals(s, { members: [vitals('b'), vitals('c')] }, 1);
    s = applyPartyUpdate(s, { ...party, members: party.members.slice(0, 2) });
    expect(Object.keys(s.vitals)).toEqual(['b']);
    expect(applyPartyUpdate(s, null)).toMatchObject({ party: null, vitals: {} });
  });

  it('markers: other online members in this zone only', () => {
    let s = applyPartyUpdate(initialPartyState(), party);
    s = applyPartyVitals(
      s,
      { members: [vitals('a'), vitals('b'), vitals('c', { zoneId: 'westbrook' })] },
      1,
    );
    expect(partyMarkers(partyFrames(s, 'a', 1), 'watson')).toEqual([
      { id: 'b', name: 'Bex', x: 10, y: 20 },
    ]);
  });

  it('invitations: one per inviter, capped, expire, answered ones go', () => {
    let s = initialPartyState();
    const inv = (n: number, from = `f${n}`) => ({
      inviteId: `i${n}`,
      fromId: from,
      from,
      expiresAt: 100 + n,
    });
    s = addInvite(s, inv(1, 'x'));
    s = addInvite(s, inv(2, 'x'));
    expect(s.invites.map((i) => i.inviteId)).toEqual(['i2']);
    for (let n = 3; n < 3 + MAX_PENDING_INVITES + 2; n++) s = addInvite(s, inv(n));
    expect(s.invites).toHaveLength(MAX_PENDING_INVITES);
    expect(openInvites(s, 100 + 6).map((i) => i.inviteId)).toEqual(['i7']);
    s = removeInvite(s, 'i7');
    expect(s.invites.map((i) => i.inviteId)).not.toContain('i7');
  });

  it('loot cards: a chest of more than four keeps every roll; four show, oldest first, the rest wait their turn', () => {
    const roll = (i: number, expiresAt = 60_000) => ({
      dropId: `d${i}`,
      templateId: 'scrap_metal',
      name: `Drop ${i}`,
      rarity: 'common' as const,
      quantity: 1,
      expiresAt,
    });
    let s = initialPartyState();
    for (let i = 1; i <= 6; i++) s = addRoll(s, roll(i));
    let shown = lootCardsShown(s, 0);
    expect(shown.rolls.map((r) => r.dropId)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(shown.rolls).toHaveLength(MAX_LOOT_CARDS);
    expect(shown.waiting).toBe(2);
    // answering the first brings the fifth on screen: none was dropped unanswered
    s = dropLootCard(s, 'd1');
    shown = lootCardsShown(s, 0);
    expect(shown.rolls.map((r) => r.dropId)).toEqual(['d2', 'd3', 'd4', 'd5']);
    expect(shown.waiting).toBe(1);
    // expired rolls are not shown and do not count as waiting
    expect(lootCardsShown(s, 60_000)).toEqual({ rolls: [], assigns: [], waiting: 0 });
  });
});
