'use client';
/** Bottom-centre buttons for the windows, with their hotkeys and a badge for unspent points. */
import { useSheet } from '../items/use-inventory';
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
