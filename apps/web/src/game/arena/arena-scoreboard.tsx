'use client';
/**
 * The arena's scoreboard (top centre, from arena:state): the timer between the two
 * teams — yours left in blue, the enemy right in red —, each fighter's health,
 * damage and kills, the fallen struck out; and the big "3… 2… 1… FIGHT" cue over
 * the map. Hidden outside an arena.
 */
import type { ArenaMemberState, ArenaStateMsg } from '@necp/shared';
import {
  arenaSides,
  arenaTimerText,
  countdownCue,
  healthFraction,
  leftNow,
  type ArenaSide,
} from './arena-view';
import { useNow } from '../combat/use-frame';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export function ArenaScoreboard() {
  const arena = useGame((s) => s.arena);
  const ended = useGame((s) => s.arenaResult !== null);
  const { characterId } = useGameSession();
  // the clock counts down between two states (every 500 ms): whole seconds need 4 Hz
  const now = useNow(250, arena !== null);
  if (!arena) return null;
  const { msg } = arena;
  const left = leftNow(msg.phaseLeftMs, arena.at, now);
  const phase = ended ? 'over' : msg.phase;
  const sides = arenaSides(msg);
  const rows = Math.max(...msg.teams.map((t) => t.length), 1);
  const urgent = phase === 'fighting' && left <= 30_000;
  return (
    <>
      <section
        className="hud-card arena-board"
        data-testid="arena-scoreboard"
        data-phase={phase}
        data-bracket={msg.bracket}
        data-match-id={msg.matchId}
        data-rows={rows}
        aria-label={`Arena ${msg.bracket}`}
      >
        {sides[0] && <Team side={sides[0]} selfId={characterId} />}
        <div className={`arena-board__clock${urgent ? ' is-urgent' : ''}`}>
          <span className="arena-board__bracket">{msg.bracket}</span>
          <span
            className={`arena-board__timer arena-board__timer--${phase}`}
            data-testid="arena-timer"
            data-left-ms={Math.round(left)}
            role="timer"
          >
            {arenaTimerText(phase, left)}
          </span>
          <Tally sides={sides} />
        </div>
        {sides.slice(1).map((s) => (
          <Team key={s.team} side={s} selfId={characterId} />
        ))}
      </section>
      {!ended && <CountdownCue phase={msg.phase} left={left} />}
    </>
  );
}

/** Kills per side, "2 – 1": the score at a glance. */
function Tally({ sides }: { sides: ArenaSide[] }) {
  const kills = sides.map((s) => s.members.reduce((n, m) => n + m.kills, 0));
  return (
    <span className="arena-board__tally" aria-label="Kills">
      <b className="is-ally">{kills[0] ?? 0}</b>
      <span aria-hidden>–</span>
      <b className="is-enemy">{kills.slice(1).reduce((a, b) => a + b, 0)}</b>
    </span>
  );
}

function Team({ side, selfId }: { side: ArenaSide; selfId: string }) {
  const where = side.ally ? 'ally' : 'enemy';
  return (
    <ol
      className={`arena-team arena-team--${where}`}
      data-testid={`arena-team-${where}`}
      data-team={side.team}
      aria-label={side.ally ? 'Your team' : 'Enemy team'}
    >
      {side.members.map((m) => (
        <Member key={m.characterId} m={m} where={where} self={m.characterId === selfId} />
      ))}
    </ol>
  );
}

function Member({
  m,
  where,
  self,
}: {
  m: ArenaMemberState;
  where: 'ally' | 'enemy';
  self: boolean;
}) {
  const frac = healthFraction(m);
  const away = m.eid === null && !m.dead;
  return (
    <li
      className={`arena-member${m.dead ? ' is-dead' : ''}${away ? ' is-away' : ''}${self ? ' is-self' : ''}`}
      data-testid="arena-member"
      data-character-id={m.characterId}
      data-name={m.name}
      data-side={where}
      data-health={m.health}
      data-max-health={m.maxHealth}
      data-dead={m.dead}
      data-damage={m.damage}
      data-kills={m.kills}
    >
      <span className="arena-member__name">
        {m.dead && (
          <span className="arena-member__skull" aria-label="out">
            ☠
          </span>
        )}
        {m.name}
      </span>
      <span
        className="arena-member__health"
        role="meter"
        aria-label={`${m.name} health`}
        aria-valuemin={0}
        aria-valuemax={m.maxHealth}
        aria-valuenow={m.health}
        data-testid="arena-member-health"
      >
        <span className="arena-member__fill" style={{ width: `${frac * 100}%` }} />
        <span className="arena-member__hp">
          {m.dead ? 'OUT' : away ? 'not here' : `${m.health}`}
        </span>
      </span>
      <span className="arena-member__stats">
        <span title="Damage dealt" className="arena-member__dmg">
          {formatDamage(m.damage)}
        </span>
        <span title="Kills" className="arena-member__kills">
          {m.kills}
          <span aria-hidden>✕</span>
        </span>
      </span>
    </li>
  );
}

/** 940, 12.4k: the damage column stays narrow. */
const formatDamage = (n: number) =>
  n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : `${n}`;

function CountdownCue({ phase, left }: { phase: ArenaStateMsg['phase']; left: number }) {
  const cue = countdownCue(phase, left);
  if (!cue) return null;
  return (
    <div className="arena-cue" data-testid="arena-countdown" data-cue={cue} role="status">
      {cue === 'ready' ? (
        <>
          <span className="arena-cue__kicker">gates open in</span>
          <span className="arena-cue__big arena-cue__big--ready">{Math.ceil(left / 1000)}</span>
        </>
      ) : (
        // a new key per cue replays its animation
        <span
          key={cue}
          className={`arena-cue__big${cue === 'FIGHT' ? ' arena-cue__big--fight' : ''}`}
        >
          {cue === 'FIGHT' ? 'FIGHT' : `${cue}…`}
        </span>
      )}
    </div>
  );
}
