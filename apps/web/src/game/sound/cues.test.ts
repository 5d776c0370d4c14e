import { describe, expect, it } from 'vitest';
import type { CombatEvent, Vec2 } from '@necp/shared';
import { initialChatLog } from '../chat/chat-log';
import { initialMatchUi } from '../matchmaking/queue-view';
import { initialPartyState } from '../party/party-state';
import { combatCues, HEARING_M, placed, storeCues, type CueState } from './cues';
import { abilitySound } from './sound-bank';

const ME = 1;
const at = (pos: Record<number, Vec2>) => (eid: number) => pos[eid] ?? null;

describe('combat cues', () => {
  const pos = at({ 1: { x: 0, y: 0 }, 2: { x: 10, y: 0 }, 3: { x: -60, y: 0 } });

  it('the own hits, crits, hurts and death sound at full volume; an ability once per user and snapshot', () => {
    const events: CombatEvent[] = [
      { k: 'hit', src: ME, dst: 2, ab: 'solo_power_shot', n: 10 },
      { k: 'effect', src: ME, dst: 2, ab: 'solo_power_shot', fx: 'bleed' },
      { k: 'hit', src: 2, dst: ME, n: 4 },
      { k: 'hit', src: ME, dst: 2, crit: true, n: 30 },
      { k: 'death', src: ME, dst: ME },
    ];
    const ids = combatCues(events, ME, pos).map((c) => c.id);
    expect(ids).toEqual([abilitySound('solo_power_shot'), 'hit', 'hurt', 'crit', 'self_death']);
    expect(abilitySound('solo_power_shot')).toBe('ability_ranged_physical');
  });

  it('others are heard by distance and side, and not beyond hearing', () => {
    const near = combatCues([{ k: 'death', src: 3, dst: 2 }], ME, pos);
    expect(near).toHaveLength(1);
    expect(near[0]!.id).toBe('death');
    expect(near[0]!.pan).toBeGreaterThan(0); // to the right (east)
    expect(near[0]!.volume).toBeLessThan(1);
    // entity 3 is 60 m away: its own fight is silent here
    expect(combatCues([{ k: 'hit', src: 3, dst: 3, n: 1 }], ME, pos)).toEqual([]);
    expect(placed({ x: 0, y: 0 }, { x: HEARING_M + 1, y: 0 })).toBeNull();
    expect(placed({ x: 0, y: 0 }, { x: -40, y: 0 })).toBeNull();
    expect(placed({ x: 0, y: 0 }, { x: -10, y: 0 })!.pan).toBeLessThan(0);
  });

  it('a big volley is capped, and a client that does not know where it is hears nothing', () => {
    const volley: CombatEvent[] = Array.from({ length: 40 }, () => ({
      k: 'hit',
      src: 2,
      dst: 2,
      n: 1,
    }));
    expect(combatCues(volley, ME, pos).length).toBeLessThanOrEqual(8);
    expect(combatCues(volley, ME, () => null)).toEqual([]);
  });
});

describe('store cues', () => {
  const base: CueState = {
    layers: [],
    levelUp: null,
    party: initialPartyState(),
    match: initialMatchUi(),
    toasts: [],
    chat: initialChatLog(),
  };
  const ids = (prev: CueState, next: CueState) =>
    storeCues(prev, next, 'me', 1_000_000).map((c) => c.id);

  it('windows opening and closing, a level, an invitation, the ready check', () => {
    expect(ids(base, { ...base, layers: ['inventory'] })).toEqual(['ui_open']);
    expect(ids({ ...base, layers: ['inventory'] }, base)).toEqual(['ui_close']);
    expect(ids(base, { ...base, levelUp: { id: 1, level: 2 } })).toEqual(['level_up']);
    const invited = { ...base.party, invites: [{ inviteId: 'i', from: 'Kira' }] };
    expect(ids(base, { ...base, party: invited as CueState['party'] })).toEqual(['party_invite']);
    const check = { ...base.match, status: { state: 'ready_check' } };
    expect(ids(base, { ...base, match: check as CueState['match'] })).toEqual(['ready_check']);
    // nothing changed: silence
    expect(ids(base, { ...base })).toEqual([]);
  });

  it('toasts that announce something: a pick-up by its rarity, quests; a plain toast is silent', () => {
    const toasts: CueState['toasts'] = [
      {
        id: 1,
        kind: 'success',
        text: 'Picked up',
        item: { name: 'Optics', rarity: 'epic' },
        cue: 'loot',
      },
      { id: 2, kind: 'success', text: 'Quest accepted: X', cue: 'quest_accepted' },
      { id: 3, kind: 'info', text: 'Welcome' },
    ];
    expect(ids(base, { ...base, toasts })).toEqual(['loot_epic', 'quest_accepted']);
    // the same toasts again are not new
    expect(ids({ ...base, toasts }, { ...base, toasts: [...toasts] })).toEqual([]);
  });

  it('a fresh whisper to me sounds; my own, others’ and old ones (a history) do not', () => {
    const line = (id: string, o: object) => ({
      id,
      channel: 'whisper' as const,
      text: 'hi',
      at: 1_000_000 - 1000,
      fromId: 'kira',
      toId: 'me',
      ...o,
    });
    const withLines = (lines: object[]) => ({
      ...base,
      chat: { ...base.chat, lines: lines as CueState['chat']['lines'] },
    });
    expect(ids(base, withLines([line('a', {})]))).toEqual(['whisper']);
    expect(ids(base, withLines([line('b', { fromId: 'me', toId: 'kira' })]))).toEqual([]);
    expect(ids(base, withLines([line('c', { channel: 'district', toId: undefined })]))).toEqual([]);
    expect(ids(base, withLines([line('d', { at: 1_000_000 - 60_000 })]))).toEqual([]);
  });
});
