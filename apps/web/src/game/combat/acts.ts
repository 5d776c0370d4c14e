/**
 * Who just attacked or cast, from a snapshot's combat events: the figure strikes a pose
 * for a moment (render/art/). An ability of the `physical` school is an attack (a shot
 * or a swing, by the weapon); `tech` a cast (a hack), `bio` a mend (a heal, a stim); a
 * boss's own attacks attack.
 * Damage over time and effects are nobody's act.
 */
import type { CombatEvent } from '@necp/shared';
import type { ActSeen } from '../render/art/figure-motion';
import type { Act } from '../render/art/pose';
import { abilityOf } from './content';

/** more than this many remembered and the map starts again (a crowd fight) */
const CAP = 512;

export class CombatActs {
  private readonly at = new Map<number, { at: number; act: Act }>();

  onEvent(e: CombatEvent, now: number): void {
    if (e.k !== 'hit' && e.k !== 'miss' && e.k !== 'heal') return;
    if (!e.src || !e.ab) return;
    const school = abilityOf(e.ab)?.school ?? 'physical';
    if (this.at.size > CAP) this.at.clear();
    const act: Act = school === 'physical' ? 'attack' : school === 'bio' ? 'mend' : 'cast';
    this.at.set(e.src, { at: now, act });
  }

  /** What `eid` last did and how long ago (null: nothing seen). */
  seen(eid: number, now: number): ActSeen | null {
    const a = this.at.get(eid);
    return a ? { ago: now - a.at, act: a.act } : null;
  }
}
