'use client';
/**
 * Bottom-centre buttons for the windows, with their hotkeys and badges (unspent
 * points, quests ready to turn in, friend requests waiting, guild invitations waiting,
 * unread mail, an unclaimed daily reward): one per row of the window table
 * (window-table.tsx).
 */
import { useContext, type ReactNode } from 'react';
import type { GameStore } from '../store/game-store';
import { useGameSession } from './game-session';
import { GameStoreContext, useGame } from './store-context';
import { WINDOWS, type WindowLook, type WindowRow } from './window-table';

interface BarButtonProps {
  testId: string;
  icon: string;
  label: string;
  title: string;
  on: boolean;
  onClick: () => void;
  hotkey?: string;
  /** dimmed (e.g. the bank away from a terminal) */
  far?: boolean;
  state?: string;
  children?: ReactNode;
}

function BarButton(p: BarButtonProps) {
  return (
    <button
      type="button"
      className={`actionbar__btn${p.on ? ' is-on' : ''}${p.far ? ' is-far' : ''}`}
      data-testid={p.testId}
      data-state={p.state}
      title={p.title}
      aria-pressed={p.on}
      onClick={p.onClick}
    >
      <span className="actionbar__icon">{p.icon}</span>
      <span className="actionbar__label">{p.label}</span>
      {p.hotkey && <kbd>{p.hotkey}</kbd>}
      {p.children}
    </button>
  );
}

const noLook = (): WindowLook => ({});

function WindowButton({ row }: { row: WindowRow }) {
  const store = useContext(GameStoreContext) as GameStore;
  const { commands } = useGameSession();
  const on = useGame(row.isOpen);
  // a row's hook, the same one on every render of this button
  const look = (row.useLook ?? noLook)();
  return (
    <BarButton
      testId={row.testId}
      icon={row.icon}
      label={row.label}
      hotkey={row.key?.face}
      title={look.title ?? row.title}
      on={on}
      far={look.far}
      state={look.state}
      onClick={() => row.toggle(store.getState(), commands)}
    >
      {look.badge}
    </BarButton>
  );
}

export function ActionBar() {
  return (
    <nav className="actionbar" aria-label="Windows">
      {WINDOWS.filter((w) => w.button !== false).map((w) => (
        <WindowButton key={w.id} row={w} />
      ))}
    </nav>
  );
}
