/**
 * What the player hears, derived from what already happens — pure rules, no audio:
 * combatCues from a snapshot's combat events (positions decide how loud and from
 * which side), storeCues from a change of the UI store (windows, level, invites, the
 * ready check, toasts that say what they announce, whispers to the player).
 */
import type { CombatEvent, Vec2 } from '@necp/shared';
import type { GameState } from '../store/game-store';
import { abilitySound, lootSound, type SoundId } from './sound-bank';

export interface Cue {
  id: SoundId;
  /** 0–1 (distance) */
  volume?: number;
  /** −1 left … 1 right */
  pan?: number;
}

/** metres: beyond this, others' fights are not heard */
export const HEARING_M = 35;
/** metres off to the side at which a sound is all in one ear */
const PAN_M = 20;
/** others' fights sound quieter than the player's own */
const OTHERS = 0.55;
/** one snapshot makes at most this many sounds (a raid's volley is a volley, not a wall) */
const MAX_PER_BATCH = 8;

/** Where a sound at `at` is heard from `me`: its volume and pan, or null out of earshot. */
export function placed(me: Vec2, at: Vec2): { volume: number; pan: number } | null {
  const dx = at.x - me.x;
  const d = Math.hypot(dx, at.y - me.y);
  if (d > HEARING_M) return null;
  return {
    volume: Math.max(0.15, 1 - d / HEARING_M),
    pan: Math.max(-1, Math.min(1, dx / PAN_M)),
  };
}

export function combatCues(
  events: readonly CombatEvent[],
  me: number,
  posOf: (eid: number) => Vec2 | null,
): Cue[] {
  const self = posOf(me);
  if (!self) return [];
  const out: Cue[] = [];
  const abilities = new Set<string>();
  const at = (eid: number, id: SoundId, scale: number): void => {
    if (out.length >= MAX_PER_BATCH) return;
    const p = eid === me ? self : posOf(eid);
    const where = p && placed(self, p);
    if (where) out.push({ id, volume: where.volume * scale, pan: where.pan });
  };
  for (const e of events) {
    const mine = e.src === me;
    const scale = mine || e.dst === me ? 1 : OTHERS;
    // an ability sounds once per user and snapshot, from the user (not on a cast's start)
    if (e.ab && e.k !== 'cast' && e.k !== 'telegraph' && !abilities.has(`${e.src}:${e.ab}`)) {
      abilities.add(`${e.src}:${e.ab}`);
      at(e.src, abilitySound(e.ab), scale);
    }
    if (e.k === 'hit') {
      if (e.dst === me) at(me, 'hurt', 1);
      else at(e.dst, e.crit ? 'crit' : 'hit', scale);
    } else if (e.k === 'death') {
      at(e.dst, e.dst === me ? 'self_death' : 'death', scale);
    } else if (e.k === 'respawn' && e.dst === me) {
      at(me, 'respawn', 1);
    }
  }
  return out;
}

/** The part of the store storeCues reads. */
export type CueState = Pick<
  GameState,
  'layers' | 'levelUp' | 'party' | 'match' | 'toasts' | 'chat'
>;

/** a whisper older than this when it arrives is history (a reconnect), not news */
const FRESH_MS = 10_000;

export function storeCues(prev: CueState, next: CueState, selfId: string, now: number): Cue[] {
  const out: Cue[] = [];
  if (next.layers.length > prev.layers.length) out.push({ id: 'ui_open' });
  else if (next.layers.length < prev.layers.length) out.push({ id: 'ui_close' });
  if (next.levelUp && next.levelUp.id !== prev.levelUp?.id) out.push({ id: 'level_up' });
  if (next.party.invites.length > prev.party.invites.length) out.push({ id: 'party_invite' });
  if (next.match.status.state === 'ready_check' && prev.match.status.state !== 'ready_check')
    out.push({ id: 'ready_check' });
  if (next.toasts !== prev.toasts) {
    const seen = new Set(prev.toasts.map((t) => t.id));
    for (const t of next.toasts) {
      if (seen.has(t.id) || !t.cue) continue;
      if (t.cue === 'loot') out.push({ id: lootSound(t.item?.rarity ?? 'common') });
      else out.push({ id: t.cue });
    }
  }
  if (next.chat.lines !== prev.chat.lines) {
    const seen = new Set(prev.chat.lines.map((l) => l.id));
    if (
      next.chat.lines.some(
        (l) =>
          !seen.has(l.id) &&
          l.channel === 'whisper' &&
          l.toId === selfId &&
          l.fromId !== selfId &&
          now - l.at < FRESH_MS,
      )
    )
      out.push({ id: 'whisper' });
  }
  return out;
}
