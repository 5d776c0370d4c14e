/**
 * An arena match's rules, run at the end of each of its zone's ticks (so every
 * phase change happens in tick order): waiting for the players, the countdown,
 * the fight, the end by defeat, forfeit or the timer (docs/instances.md).
 */
import {
  ARENA_COUNTDOWN_MS,
  ARENA_MATCH_MS,
  INSTANCE_ARRIVAL_MS,
  type ArenaStateMsg,
} from '@necp/shared';
import type { Zone } from '../zone/zone';

export type ArenaPhase = ArenaStateMsg['phase'];

export interface ArenaOutcome {
  /** the winning team; null: a draw */
  winner: number | null;
  by: 'defeat' | 'timer' | 'forfeit';
}

export interface ArenaRulesOptions {
  /** character ids, team by team */
  teams: readonly (readonly string[])[];
  /** clock ms the instance opened (the arrival deadline runs from here) */
  openedAt: number;
  /** called once, from inside the tick that decided it */
  onOver(outcome: ArenaOutcome): void;
}

type ArenaZone = Pick<Zone, 'player' | 'submit'>;

/** More than any health pool: a heal that fills it. */
const FULL_HEAL = 1_000_000;

export class ArenaRules {
  phase: ArenaPhase = 'waiting';
  /** clock ms the current phase ends (waiting: the arrival deadline) */
  phaseEndsAt: number;
  outcome: ArenaOutcome | null = null;
  /** clock ms from the gates opening to the end; null: the fight never started */
  foughtMs: number | null = null;
  private fightStartedAt: number | null = null;
  private readonly arrived = new Set<string>();

  constructor(private readonly opts: ArenaRulesOptions) {
    this.phaseEndsAt = opts.openedAt + INSTANCE_ARRIVAL_MS;
  }

  get teams(): readonly (readonly string[])[] {
    return this.opts.teams;
  }

  /** Whether the character ever stood in the arena. */
  hasArrived(characterId: string): boolean {
    return this.arrived.has(characterId);
  }

  afterTick(zone: ArenaZone, now: number): void {
    const all = this.opts.teams.flat();
    for (const id of all) if (zone.player(id)) this.arrived.add(id);
    switch (this.phase) {
      case 'waiting': {
        if (all.every((id) => this.arrived.has(id))) return this.startCountdown(zone, now);
        if (now < this.phaseEndsAt) return;
        // the deadline: a team nobody of which came forfeits
        const present = this.opts.teams.map((ids) => ids.some((id) => this.arrived.has(id)));
        if (present.every(Boolean)) return this.startCountdown(zone, now);
        const winners = present.flatMap((p, i) => (p ? [i] : []));
        return this.end({ winner: winners.length === 1 ? winners[0]! : null, by: 'forfeit' }, now);
      }
      case 'countdown': {
        if (now < this.phaseEndsAt) return;
        this.phase = 'fighting';
        this.fightStartedAt = now;
        this.phaseEndsAt = now + ARENA_MATCH_MS;
        // teams from the next tick on: before, nobody is anybody's enemy (the gates are shut)
        this.opts.teams.forEach((ids, team) => {
          for (const characterId of ids) zone.submit({ k: 'team', characterId, team });
        });
        return;
      }
      case 'fighting': {
        const standing = this.opts.teams.map(
          (ids) =>
            ids.filter((id) => {
              const p = zone.player(id);
              return p !== undefined && !p.combat.dead;
            }).length,
        );
        const left = standing.flatMap((n, i) => (n > 0 ? [i] : []));
        if (left.length <= 1) {
          const losers = this.opts.teams.filter((_, i) => standing[i] === 0);
          // nobody of the beaten side died in the fight: they left it
          const died = losers.some((ids) => ids.some((id) => zone.player(id)?.combat.dead));
          return this.end({ winner: left[0] ?? null, by: died ? 'defeat' : 'forfeit' }, now);
        }
        if (now >= this.phaseEndsAt)
          return this.end({ winner: this.healthLeader(zone), by: 'timer' }, now);
        return;
      }
      case 'over':
        return;
    }
  }

  /** Everyone's team dropped (the match is over: nobody may hurt anybody any more). */
  disarm(zone: ArenaZone): void {
    for (const characterId of this.opts.teams.flat())
      zone.submit({ k: 'team', characterId, team: null });
  }

  private startCountdown(zone: ArenaZone, now: number): void {
    this.phase = 'countdown';
    this.phaseEndsAt = now + ARENA_COUNTDOWN_MS;
    // everyone starts the fight whole, whatever the street left them with
    for (const characterId of this.opts.teams.flat())
      if (zone.player(characterId)) zone.submit({ k: 'heal', characterId, amount: FULL_HEAL });
  }

  /** The team whose members kept the larger mean share of their health (out or dead: none); null: even. */
  private healthLeader(zone: ArenaZone): number | null {
    const shares = this.opts.teams.map((ids) => {
      let sum = 0;
      for (const id of ids) {
        const p = zone.player(id);
        if (p && !p.combat.dead && p.maxHealth > 0) sum += p.health / p.maxHealth;
      }
      return ids.length > 0 ? sum / ids.length : 0;
    });
    const best = Math.max(...shares);
    const leaders = shares.flatMap((s, i) => (Math.abs(s - best) < 1e-9 ? [i] : []));
    return leaders.length === 1 ? leaders[0]! : null;
  }

  private end(outcome: ArenaOutcome, now: number): void {
    this.phase = 'over';
    if (this.fightStartedAt !== null) this.foughtMs = now - this.fightStartedAt;
    this.outcome = outcome;
    this.opts.onOver(outcome);
  }
}
