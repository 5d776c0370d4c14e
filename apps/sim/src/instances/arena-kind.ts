/**
 * The arena as an instance kind (instance-kind.ts; docs/instances.md "The arena"):
 * no NPCs on its map, no respawn, nothing paid or written while it runs (ArenaSink counts the
 * scoreboard), its phases decided by ArenaRules at the end of each tick, the
 * scoreboard pushed every ARENA_STATE_MS. At the end the leavers get a queue
 * penalty, the result is rated (finishArenaMatch) and pushed, and everyone is sent
 * back ARENA_RETURN_MS later. A leaver stays in the match until it ends.
 */
import {
  ARENA_RETURN_MS,
  ARENA_STATE_MS,
  emitTo,
  toCharacters,
  type ArenaBracket,
  type ArenaMemberState,
  type ArenaStateMsg,
} from '@necp/shared';
import { finishArenaMatch, penaliseQueueDodgers } from '@necp/game';
import type { Zone } from '../zone/zone';
import { ArenaRules, type ArenaOutcome } from './arena-rules';
import { ArenaSink } from './arena-sink';
import { arenaFightOf } from './arena-fight';
import {
  leaveEarly,
  type InstanceContext,
  type InstanceKind,
  type InstanceRun,
} from './instance-kind';

const OUT_OF_THE_FIGHT = 'You are out of the fight. Wait for the match to end.';

export const arenaKind: InstanceKind = {
  syncTokenEntry: false,
  open: (ctx) => new ArenaRun(ctx),
};

class ArenaRun implements InstanceRun {
  readonly noRespawn = OUT_OF_THE_FIGHT;
  readonly services = false;
  readonly zone: InstanceRun['zone'];
  /** absent: a match without a bracket (nothing to rate) has no rules */
  readonly arena: ArenaRules | undefined;
  private readonly sink = new ArenaSink();
  private readonly bracket: ArenaBracket | undefined;
  /** clock ms of the last scoreboard sent */
  private stateSentAt = -Infinity;

  constructor(private readonly ctx: InstanceContext) {
    const match = ctx.match();
    this.bracket = match.bracket ?? undefined;
    this.arena = this.bracket
      ? new ArenaRules({
          teams: match.teams,
          openedAt: ctx.openedAt,
          onOver: (outcome) => void this.finish(outcome),
        })
      : undefined;
    this.zone = this.arena ? { sink: this.sink } : {};
  }

  afterTick(zone: Zone, now: number): void {
    this.arena?.afterTick(zone, now);
  }

  leave(characterId: string): Promise<{ penaltyUntil: null }> | null {
    return leaveEarly(this.ctx, characterId, { free: false });
  }

  report(now: number): void {
    if (!this.arena || now - this.stateSentAt < ARENA_STATE_MS) return;
    this.stateSentAt = now;
    this.sendState();
  }

  private async finish(outcome: ArenaOutcome): Promise<void> {
    const { ctx, arena: rules, bracket } = this;
    if (!ctx.running() || !rules || !bracket) return;
    const zone = ctx.zone();
    const match = ctx.match();
    rules.disarm(zone);
    this.sendState();
    const { deps, log } = ctx;
    // who is not in the arena at the end left it (or never came): a queue penalty, like a decliner
    const leavers = match.teams.flat().filter((id) => !zone.player(id));
    if (leavers.length > 0)
      await penaliseQueueDodgers(deps, leavers).catch((err: unknown) =>
        log.warn({ err, zone: ctx.zoneId }, 'penalising arena leavers failed'),
      );
    let ratings: { characterId: string; team: number; before: number; after: number }[] = [];
    try {
      const res = await finishArenaMatch(deps, {
        matchId: match.matchId,
        bracket,
        teams: [[...(match.teams[0] ?? [])], [...(match.teams[1] ?? [])]],
        winner: outcome.winner as 0 | 1 | null,
        fight: arenaFightOf(rules, this.sink),
      });
      ratings = res.participants.map((p) => ({
        characterId: p.characterId,
        team: p.team,
        before: p.ratingBefore,
        after: p.ratingAfter,
      }));
    } catch (err) {
      log.error({ err, zone: ctx.zoneId }, 'recording an arena result failed');
    }
    const named = ratings.map((r) => ({ ...r, name: ctx.names.get(r.characterId) ?? '?' }));
    ctx.push(
      match.teams.flatMap((ids, you) =>
        ids.map((characterId) =>
          emitTo(toCharacters(characterId), 'arena:result', {
            matchId: match.matchId,
            bracket,
            winner: outcome.winner,
            by: outcome.by,
            you,
            ratings: named,
            returnInMs: ARENA_RETURN_MS,
          }),
        ),
      ),
    );
    ctx.finishAt(ctx.clock.ms() + ARENA_RETURN_MS);
  }

  /** The scoreboard to every member: phase, time left, health, deaths, damage, kills. */
  private sendState(): void {
    const { ctx, arena: rules, bracket } = this;
    if (!rules || !bracket) return;
    const now = ctx.clock.ms();
    const zone = ctx.zone();
    const match = ctx.match();
    const teams: ArenaMemberState[][] = match.teams.map((ids) =>
      ids.map((id) => {
        const p = zone.player(id);
        return {
          characterId: id,
          eid: p?.eid ?? null,
          name: ctx.names.get(id) ?? '?',
          health: p?.health ?? 0,
          maxHealth: p?.maxHealth ?? 0,
          dead: p ? p.combat.dead : rules.hasArrived(id),
          damage: this.sink.damage.get(id) ?? 0,
          kills: this.sink.kills.get(id) ?? 0,
        };
      }),
    );
    for (const [you, ids] of match.teams.entries())
      for (const id of ids) {
        const msg: ArenaStateMsg = {
          matchId: match.matchId,
          bracket,
          phase: rules.phase,
          phaseLeftMs: rules.phase === 'over' ? 0 : Math.max(0, rules.phaseEndsAt - now),
          you,
          teams,
        };
        ctx.push([emitTo(toCharacters(id), 'arena:state', msg)]);
      }
  }
}
