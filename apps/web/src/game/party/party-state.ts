/**
 * The party as this client knows it: the membership (party:update), each member's
 * latest vitals (party:vitals, stamped with when they arrived) and the invitations
 * waiting for an answer (party:invited). Pure: the store applies these, the party
 * frames and the map read them. The server decides every rule.
 */
import {
  PARTY_VITALS_STALE_MS,
  type LootAssignStartMsg,
  type LootRollStartMsg,
  type PartyInvitedMsg,
  type PartyMemberVitals,
  type PartyViewMsg,
} from '@necp/shared';

/** At most this many invitations wait on screen (the newest win). */
export const MAX_PENDING_INVITES = 3;

export interface PartyState {
  party: PartyViewMsg | null;
  /** member id → vitals and Date.now() when they arrived */
  vitals: Record<string, PartyMemberVitals & { at: number }>;
  invites: PartyInvitedMsg[];
  /** drops the party rolls for, waiting for this player's need / greed / pass */
  rolls: LootRollStartMsg[];
  /** leader mode: drops this leader holds to give away */
  assigns: LootAssignStartMsg[];
}

/**
 * At most this many roll / give cards on screen at once, oldest first; the others wait
 * their turn (a boss chest drops more: evicting the oldest card left its roll open with
 * no way to answer it, a silent pass).
 */
export const MAX_LOOT_CARDS = 4;
/** Open rolls and gifts remembered at most (each also ends on its own: answered or expired). */
export const MAX_PENDING_LOOT = 32;

export const initialPartyState = (): PartyState => ({
  party: null,
  vitals: {},
  invites: [],
  rolls: [],
  assigns: [],
});

export function addRoll(s: PartyState, roll: LootRollStartMsg): PartyState {
  const rolls = [...s.rolls.filter((r) => r.dropId !== roll.dropId), roll];
  return { ...s, rolls: rolls.slice(-MAX_PENDING_LOOT) };
}

export function addAssign(s: PartyState, a: LootAssignStartMsg): PartyState {
  const assigns = [...s.assigns.filter((r) => r.dropId !== a.dropId), a];
  return { ...s, assigns: assigns.slice(-MAX_PENDING_LOOT) };
}

/** The cards on screen now: the oldest open rolls and gifts, MAX_LOOT_CARDS of each; and how many wait. */
export function lootCardsShown(s: PartyState, now: number) {
  const rolls = s.rolls.filter((r) => r.expiresAt > now);
  return {
    rolls: rolls.slice(0, MAX_LOOT_CARDS),
    assigns: s.assigns.slice(0, MAX_LOOT_CARDS),
    waiting:
      Math.max(0, rolls.length - MAX_LOOT_CARDS) + Math.max(0, s.assigns.length - MAX_LOOT_CARDS),
  };
}

/** answered, decided or given: the card goes */
export const dropLootCard = (s: PartyState, dropId: string): PartyState => ({
  ...s,
  rolls: s.rolls.filter((r) => r.dropId !== dropId),
  assigns: s.assigns.filter((r) => r.dropId !== dropId),
});

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/** party:update: the new membership; vitals of members who left are forgotten. */
export function applyPartyUpdate(s: PartyState, party: PartyViewMsg | null): PartyState {
  if (!party) return { ...s, party: null, vitals: {}, rolls: [], assigns: [] };
  const ids = new Set(party.members.map((m) => m.id));
  const vitals = Object.fromEntries(Object.entries(s.vitals).filter(([id]) => ids.has(id)));
  return { ...s, party, vitals };
}

/** party:vitals from one sim process: members of the party only (a late message of an old party is ignored). */
export function applyPartyVitals(s: PartyState, msg: unknown, now: number): PartyState {
  if (!s.party || !isObject(msg) || !Array.isArray(msg.members)) return s;
  const ids = new Set(s.party.members.map((m) => m.id));
  const vitals = { ...s.vitals };
  for (const m of msg.members as unknown[]) {
    if (!isObject(m) || typeof m.id !== 'string' || !ids.has(m.id)) continue;
    vitals[m.id] = { ...(m as unknown as PartyMemberVitals), at: now };
  }
  return { ...s, vitals };
}

/** party:invited: shown until answered or expired; one per inviter (a new one replaces the old). */
export function addInvite(s: PartyState, invite: PartyInvitedMsg): PartyState {
  const others = s.invites.filter((i) => i.fromId !== invite.fromId);
  return { ...s, invites: [...others, invite].slice(-MAX_PENDING_INVITES) };
}

export function removeInvite(s: PartyState, inviteId: string): PartyState {
  return { ...s, invites: s.invites.filter((i) => i.inviteId !== inviteId) };
}

/** Invitations still open at local time `now` (party-commands.ts moves their expiry into it). */
export const openInvites = (s: PartyState, now: number) =>
  s.invites.filter((i) => i.expiresAt > now);

export interface PartyFrame {
  id: string;
  name: string;
  classId: string;
  leader: boolean;
  self: boolean;
  /** vitals arrived lately: in the world */
  online: boolean;
  level: number;
  health: number | null;
  maxHealth: number | null;
  dead: boolean;
  zoneId: string;
  x: number | null;
  y: number | null;
}

/** The frames in the party's own order (leader first, then by joining), self included. */
export function partyFrames(s: PartyState, selfId: string, now: number): PartyFrame[] {
  const party = s.party;
  if (!party) return [];
  const members = [...party.members].sort(
    (a, b) => Number(b.id === party.leaderId) - Number(a.id === party.leaderId),
  );
  return members.map((m) => {
    const v = s.vitals[m.id];
    const fresh = !!v && now - v.at <= PARTY_VITALS_STALE_MS;
    return {
      id: m.id,
      name: m.name,
      classId: m.class,
      leader: m.id === party.leaderId,
      self: m.id === selfId,
      online: m.id === selfId || fresh,
      level: v?.level ?? m.level,
      health: fresh ? v.health : null,
      maxHealth: fresh ? v.maxHealth : null,
      dead: fresh ? v.dead : false,
      zoneId: fresh ? v.zoneId : m.zoneId,
      x: fresh ? v.x : null,
      y: fresh ? v.y : null,
    };
  });
}

/** Other members online in `zoneId` with a known position: the map's party markers. */
export function partyMarkers(frames: readonly PartyFrame[], zoneId: string | undefined) {
  return frames
    .filter((f) => !f.self && f.online && f.zoneId === zoneId && f.x !== null && f.y !== null)
    .map((f) => ({ id: f.id, name: f.name, x: f.x!, y: f.y! }));
}
