'use client';
/**
 * Party loot cards (bottom centre, above the ability bar): a drop the party rolls
 * for — Need / Greed / Pass before the bar runs out (silence is a pass) — and, for
 * the leader in "leader gives" mode, a drop to hand to a member.
 */
import { LOOT_ROLL_MS } from '@necp/shared';
import { lootCardsShown } from './party-state';
import { useServerNow } from '../time/use-server-now';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export function LootCards() {
  const { characterId, commands } = useGameSession();
  const party = useGame((s) => s.party);
  const now = useServerNow(250);
  const { rolls, assigns, waiting } = lootCardsShown(party, now);
  const members = party.party?.members.filter((m) => m.id !== characterId) ?? [];
  if (rolls.length === 0 && assigns.length === 0) return null;
  return (
    <div className="lootcards" aria-live="polite" onMouseDown={(e) => e.stopPropagation()}>
      {rolls.map((r) => {
        const left = Math.max(0, r.expiresAt - now);
        return (
          <section
            key={r.dropId}
            className={`lootcard rarity-${r.rarity}`}
            role="group"
            aria-label={`Roll for ${r.name}`}
            data-testid="loot-roll"
            data-name={r.name}
            data-drop-id={r.dropId}
          >
            <p className="lootcard__item">
              <span className="lootcard__name">{r.name}</span>
              {r.quantity > 1 && <span className="lootcard__qty">×{r.quantity}</span>}
            </p>
            <span className="pinvite__timer" aria-hidden>
              <span
                className="pinvite__timer-fill"
                style={{ width: `${(left / LOOT_ROLL_MS) * 100}%` }}
              />
            </span>
            <span className="lootcard__btns">
              {(['need', 'greed', 'pass'] as const).map((c) => (
                <button
                  key={c}
                  type="button"
                  className={`btn btn--small${c === 'pass' ? ' btn--ghost' : ''}`}
                  data-testid={`loot-${c}`}
                  onClick={() => void commands.lootRoll(r.dropId, c)}
                >
                  {c === 'need' ? 'Need' : c === 'greed' ? 'Greed' : 'Pass'}
                </button>
              ))}
              <span className="pinvite__secs">{Math.ceil(left / 1000)} s</span>
            </span>
          </section>
        );
      })}
      {assigns.map((a) => (
        <section
          key={a.dropId}
          className={`lootcard rarity-${a.rarity}`}
          role="group"
          aria-label={`Give ${a.name}`}
          data-testid="loot-assign"
          data-name={a.name}
        >
          <p className="lootcard__item">
            Give <span className="lootcard__name">{a.name}</span> to
          </p>
          <span className="lootcard__btns">
            {members.map((m) => (
              <button
                key={m.id}
                type="button"
                className="btn btn--small"
                data-testid="loot-give"
                onClick={() => void commands.lootAssign(a.dropId, m.id, m.name)}
              >
                {m.name}
              </button>
            ))}
            <button
              type="button"
              className="btn btn--ghost btn--small"
              title="Keep it (pick it up yourself)"
              onClick={() => commands.lootKeep(a.dropId)}
            >
              Keep
            </button>
          </span>
        </section>
      ))}
      {waiting > 0 && (
        <p className="lootcards__more" data-testid="loot-waiting">
          +{waiting} more after these
        </p>
      )}
    </div>
  );
}
