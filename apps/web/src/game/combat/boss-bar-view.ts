/**
 * The boss bar's rules (issue 14, docs/instances.md "Boss encounters"): which boss in
 * view it shows, which phase a health fraction is in, where the phase markers sit,
 * and the dungeon- or raid-cleared line. Pure; combat/boss-bar.tsx draws the result.
 */
import type { BossBlock, CombatEvent, InstanceClearedMsg } from '@necp/shared';

type Phases = BossBlock['phases'];

/** An entity in view, as the store publishes it (VisibleEntity). */
export interface BossCandidate {
  eid: number;
  templateId?: string;
  dead: boolean;
  health: number;
  maxHealth: number;
}

/** The phase the sim last announced (a `phase` combat event) for boss `eid`. */
export interface AnnouncedPhase {
  eid: number;
  /** 0 = the first */
  phase: number;
}

export const healthFraction = (c: { health: number; maxHealth: number }): number =>
  c.maxHealth > 0 ? Math.max(0, Math.min(1, c.health / c.maxHealth)) : 0;

/**
 * The phase `fraction` of max health is in: the last one whose `belowHealth` it has
 * fallen under (phase 0 starts at 1, so full health is phase 0).
 */
export function bossPhaseAt(phases: Phases, fraction: number): number {
  let at = 0;
  phases.forEach((p, i) => {
    if (i > 0 && fraction < p.belowHealth) at = i;
  });
  return at;
}

/** One marker line per phase after the first, at `below` × the bar's width. */
export function phaseMarkers(phases: Phases): { phase: number; below: number; leftPct: number }[] {
  return phases
    .slice(1)
    .map((p, i) => ({ phase: i + 1, below: p.belowHealth, leftPct: p.belowHealth * 100 }));
}

/**
 * The boss the bar shows: a living NPC with a boss block that is in a fight — your
 * target, or hurt below full health. The target wins; else the most hurt one.
 */
export function pickBoss<C extends BossCandidate>(
  visible: readonly C[],
  targetEid: number | null,
  isBoss: (templateId: string | undefined) => boolean,
): C | null {
  let best: C | null = null;
  for (const c of visible) {
    if (c.dead || c.health <= 0 || !isBoss(c.templateId)) continue;
    if (c.eid === targetEid) return c;
    if (c.health >= c.maxHealth) continue;
    if (!best || healthFraction(c) < healthFraction(best)) best = c;
  }
  return best;
}

/**
 * The phase shown: what the sim announced for this boss while it is hurt (it owns the
 * phase), else what its health says (no event seen yet, or it reset to full health).
 */
export function shownPhase(
  phases: Phases,
  boss: BossCandidate,
  announced: AnnouncedPhase | null,
): number {
  const fraction = healthFraction(boss);
  if (announced && announced.eid === boss.eid && fraction < 1 && announced.phase < phases.length)
    return Math.max(0, announced.phase);
  return bossPhaseAt(phases, fraction);
}

/** 120000 → "2:00". */
export function minutesSeconds(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * "Arasaka Data Vault cleared — the vault closes in 2:00" (a dungeon's name's last
 * word names the place), "Quantum Reef Siege cleared — the raid closes in 2:00".
 */
export function instanceClearedText(
  msg: Pick<InstanceClearedMsg, 'kind' | 'name' | 'closeInMs'>,
): string {
  const place =
    msg.kind === 'raid' ? 'raid' : msg.name.trim().split(/\s+/).pop()?.toLowerCase() || 'instance';
  return `${msg.name} cleared — the ${place} closes in ${minutesSeconds(msg.closeInMs)}`;
}

let phaseEventId = 0;

/** How long a phase's announcement stays in the middle of the screen. */
export const PHASE_ANNOUNCE_MS = 3500;

export interface PhaseEventView extends AnnouncedPhase {
  /** a new id per event: the announcement replays */
  id: number;
  /** the phase's `announce` text (empty when the boss's template is unknown) */
  text: string;
  /** performance.now() it arrived (the announcement shows PHASE_ANNOUNCE_MS from here) */
  at: number;
}

/**
 * The last `phase` event of one snapshot's combat events as the store keeps it (null:
 * none), its text from the boss's template (`phasesOf` the eid → its phases).
 */
export function phaseEventView(
  events: readonly CombatEvent[],
  phasesOf: (eid: number) => Phases | undefined,
  now: number,
): PhaseEventView | null {
  let out: PhaseEventView | null = null;
  for (const e of events) {
    if (e.k !== 'phase') continue;
    const phase = Math.max(0, Math.floor(e.n ?? 0));
    const text = phasesOf(e.src)?.[phase]?.announce ?? '';
    out = { eid: e.src, phase, id: ++phaseEventId, text, at: now };
  }
  return out;
}

/** The announcement to show at `now` (null: none, or it has had its time). */
export const liveAnnouncement = (p: PhaseEventView | null, now: number): PhaseEventView | null =>
  p && p.text && now - p.at >= 0 && now - p.at < PHASE_ANNOUNCE_MS ? p : null;
