'use client';
/**
 * Reputation (R): every faction with its tier badge, standing, a bar to the next
 * tier, what the standing does to prices, and its rivals. Factions you have
 * history with come first.
 */
import { REPUTATION_TIERS, type FactionStandingView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { priceNote, TIER_LABEL } from '../quests/format';
import { useReputation } from '../quests/use-quests';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { startingNote } from './starting-note';

export function ReputationPanel() {
  const open = useGame((s) => s.panels.reputation);
  const setPanel = useGame((s) => s.setPanel);
  // fetched with the game, not on opening: the window never flashes "Asking around…"
  useReputation();
  if (!open) return null;
  return (
    <GameWindow
      title="reputation"
      hotkey={windowFace('reputation')}
      testId="reputation-panel"
      className="gwin--reputation"
      onClose={() => setPanel('reputation', false)}
    >
      <ReputationBody />
    </GameWindow>
  );
}

/** History first, then by standing (highest first), then by name. */
const order = (a: FactionStandingView, b: FactionStandingView) =>
  Number(b.met) - Number(a.met) || b.standing - a.standing || a.name.localeCompare(b.name);

function ReputationBody() {
  const q = useReputation();
  if (!q.data) {
    return q.isError ? (
      <p className="gwin__msg form-error">{refusal(q.error)}</p>
    ) : (
      <p className="gwin__msg muted">Asking around…</p>
    );
  }
  const rows = [...q.data].sort(order);
  return (
    <>
      <ol className="rep__scale" aria-label="Tiers">
        {REPUTATION_TIERS.map((t) => (
          <li key={t} className={`tier tier--${t}`}>
            {TIER_LABEL[t]}
          </li>
        ))}
      </ol>
      <ul className="rep">
        {rows.map((f) => (
          <FactionRow key={f.factionId} f={f} />
        ))}
      </ul>
      <p className="gwin__hint">
        quests, kills and choices move your standing · a gain with one faction can cost you with its
        rivals · standing sets vendor prices and opens doors
      </p>
    </>
  );
}

function FactionRow({ f }: { f: FactionStandingView }) {
  const next = REPUTATION_TIERS[REPUTATION_TIERS.indexOf(f.tier) + 1];
  const frac = f.span > 0 ? Math.max(0, Math.min(1, f.into / f.span)) : 1;
  const note = startingNote(f);
  return (
    <li
      className={`rep__row tier-c--${f.tier}${f.met ? '' : ' is-unmet'}`}
      data-testid="faction-row"
      data-faction-id={f.factionId}
      data-standing={f.standing}
      data-tier={f.tier}
      title={f.blurb}
    >
      <div className="rep__top">
        <span className="rep__name">{f.name}</span>
        <span className={`tier tier--${f.tier}`} data-testid="faction-tier">
          {TIER_LABEL[f.tier]}
        </span>
        <span className="rep__standing" data-testid="faction-standing">
          {f.standing.toLocaleString('en-US')}
        </span>
      </div>
      <div
        className="rep__bar"
        role="meter"
        aria-label={`${f.name} standing`}
        aria-valuemin={0}
        aria-valuemax={f.span}
        aria-valuenow={f.into}
      >
        <span className="rep__fill" style={{ width: `${frac * 100}%` }} />
        <span className="rep__bar-text">
          {next
            ? `${f.into.toLocaleString('en-US')} / ${f.span.toLocaleString('en-US')} · ${f.toNext.toLocaleString('en-US')} to ${TIER_LABEL[next]}`
            : `${f.toNext.toLocaleString('en-US')} to the cap`}
        </span>
      </div>
      <div className="rep__foot">
        <span className={`rep__price${f.priceMultiplier === null ? ' is-refused' : ''}`}>
          {priceNote(f.priceMultiplier, f.tier)}
        </span>
        {f.rivals.length > 0 && (
          <span className="rep__rivals">Rivals: {f.rivals.map((r) => r.name).join(', ')}</span>
        )}
        {!f.met && <span className="rep__unmet">not met yet</span>}
      </div>
      {note && (
        <p className="rep__why" data-testid="faction-why">
          {note}
        </p>
      )}
    </li>
  );
}
