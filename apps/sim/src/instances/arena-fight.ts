import type { ArenaFight } from '@necp/shared';
import type { ArenaRules } from './arena-rules';
import type { ArenaSink } from './arena-sink';

/**
 * What the arena saw of a finished match, for how much its result counts
 * (finishArenaMatch): how long they fought and the damage each team dealt the other
 * (the sink counts player-on-player damage only, and teammates cannot hurt each other).
 */
export function arenaFightOf(rules: ArenaRules, sink: ArenaSink): ArenaFight {
  const dealt = (team: number) =>
    (rules.teams[team] ?? []).reduce((sum, id) => sum + (sink.damage.get(id) ?? 0), 0);
  return {
    foughtMs: rules.foughtMs,
    by: rules.outcome?.by ?? 'forfeit',
    damageByTeam: [dealt(0), dealt(1)],
  };
}
