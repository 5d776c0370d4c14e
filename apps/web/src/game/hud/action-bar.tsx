'use client';
/**
 * Bottom-centre buttons for the windows, with their hotkeys and badges: unspent
 * points, quests ready to turn in, an unclaimed daily reward.
 */
import { useSheet } from '../items/use-inventory';
import { readyCount } from '../quests/quest-lists';
import { useDailyStatus, useQuestLog } from '../quests/use-quests';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

export function ActionBar() {
  const panels = useGame((s) => s.panels);
  const togglePanel = useGame((s) => s.togglePanel);
  const bankNear = useGame((s) => s.bankNear);
  const logOpen = useGame((s) => s.combatLogOpen);
  const toggleLog = useGame((s) => s.toggleCombatLog);
  const { commands } = useGameSession();
  const sheet = useSheet();
  const points = sheet.data?.attributePoints ?? 0;
  const log = useQuestLog().data;
  const ready = log ? readyCount(log) : 0;
  const dailyQuery = useDailyStatus();
  const daily = dailyQuery.data;
  return (
    <nav className="actionbar" aria-label="Windows">
      <button
        type="button"
        className={`actionbar__btn${panels.inventory ? ' is-on' : ''}`}
        data-testid="hud-inventory"
        title="Inventory (I)"
        aria-pressed={panels.inventory}
        onClick={() => togglePanel('inventory')}
      >
        <span className="actionbar__icon">▦</span>
        <span className="actionbar__label">Inventory</span>
        <kbd>I</kbd>
      </button>
      <button
        type="button"
        className={`actionbar__btn${panels.character ? ' is-on' : ''}`}
        data-testid="hud-character"
        title="Character (C)"
        aria-pressed={panels.character}
        onClick={() => togglePanel('character')}
      >
        <span className="actionbar__icon">◈</span>
        <span className="actionbar__label">Character</span>
        <kbd>C</kbd>
        {points > 0 && (
          <span
            className="actionbar__badge"
            data-testid="hud-points"
            title="Unspent attribute points"
          >
            +{points}
          </span>
        )}
      </button>
      <button
        type="button"
        className={`actionbar__btn${panels.quests ? ' is-on' : ''}`}
        data-testid="hud-quests"
        title="Quest log (J)"
        aria-pressed={panels.quests}
        onClick={() => togglePanel('quests')}
      >
        <span className="actionbar__icon">!</span>
        <span className="actionbar__label">Quests</span>
        <kbd>J</kbd>
        {ready > 0 && (
          <span
            className="actionbar__badge actionbar__badge--ready"
            data-testid="hud-quests-ready"
            title="Quests ready to turn in"
          >
            ?{ready > 1 ? ready : ''}
          </span>
        )}
      </button>
      <button
        type="button"
        className={`actionbar__btn${panels.reputation ? ' is-on' : ''}`}
        data-testid="hud-reputation"
        title="Reputation (R)"
        aria-pressed={panels.reputation}
        onClick={() => togglePanel('reputation')}
      >
        <span className="actionbar__icon">♜</span>
        <span className="actionbar__label">Reputation</span>
        <kbd>R</kbd>
      </button>
      <button
        type="button"
        className={`actionbar__btn${panels.daily ? ' is-on' : ''}`}
        data-testid="hud-daily"
        data-state={
          daily
            ? daily.canClaim
              ? 'claimable'
              : 'claimed'
            : dailyQuery.isError
              ? 'error'
              : 'loading'
        }
        title={daily?.canClaim ? 'Daily reward — ready to claim' : 'Daily reward'}
        aria-pressed={panels.daily}
        onClick={() => togglePanel('daily')}
      >
        <span className="actionbar__icon">✦</span>
        <span className="actionbar__label">Daily</span>
        {daily?.canClaim && (
          <span className="actionbar__dot" data-testid="hud-daily-dot" aria-label="Unclaimed" />
        )}
      </button>
      <button
        type="button"
        className={`actionbar__btn${panels.bank ? ' is-on' : ''}${bankNear ? '' : ' is-far'}`}
        data-testid="hud-bank"
        aria-pressed={panels.bank}
        title={bankNear ? bankNear.name : 'Walk up to a bank terminal'}
        onClick={commands.toggleBank}
      >
        <span className="actionbar__icon">¥</span>
        <span className="actionbar__label">Bank</span>
        <kbd>B</kbd>
      </button>
      <button
        type="button"
        className={`actionbar__btn${logOpen ? ' is-on' : ''}`}
        data-testid="hud-combat-log"
        title="Combat log (L)"
        aria-pressed={logOpen}
        onClick={toggleLog}
      >
        <span className="actionbar__icon">≡</span>
        <span className="actionbar__label">Log</span>
        <kbd>L</kbd>
      </button>
    </nav>
  );
}
