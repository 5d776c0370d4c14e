'use client';
/**
 * The menu of another player: right-click on the map (or click a party frame).
 * Whisper, invite to your party, add as a friend, ignore, report; and for the party
 * leader, on a member: promote to leader, remove from the party. Closes on any
 * choice, Esc or a click elsewhere.
 */
import { useEffect, useRef } from 'react';
import { useFriendActions } from '../friends/use-friends';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

const MENU_W = 190;
const MENU_H = 262;

export function PlayerMenu() {
  const menu = useGame((s) => s.playerMenu);
  const setPlayerMenu = useGame((s) => s.setPlayerMenu);
  const focusChat = useGame((s) => s.focusChat);
  const party = useGame((s) => s.party.party);
  const setDialog = useGame((s) => s.setDialog);
  const { characterId, commands } = useGameSession();
  const { request } = useFriendActions();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    // a click outside closes it (Esc: the layer rule, input/layer-stack.ts)
    const close = (e: MouseEvent) => {
      if (ref.current?.contains(e.target as Node)) return;
      setPlayerMenu(null);
    };
    // next frame: the click that opened the menu must not close it
    const t = setTimeout(() => {
      window.addEventListener('mousedown', close);
    });
    ref.current?.querySelector('button')?.focus();
    return () => {
      clearTimeout(t);
      window.removeEventListener('mousedown', close);
    };
  }, [menu, setPlayerMenu]);

  if (!menu) return null;
  const { name, memberId } = menu;
  const inParty = !!memberId && !!party?.members.some((m) => m.id === memberId);
  const lead = party?.leaderId === characterId;
  const act = (f: () => void) => () => {
    setPlayerMenu(null);
    f();
  };
  const x = Math.max(8, Math.min(menu.x, window.innerWidth - MENU_W - 8));
  const y = Math.max(8, Math.min(menu.y, window.innerHeight - MENU_H - 8));

  return (
    <div
      ref={ref}
      className="pmenu"
      role="menu"
      aria-label={`${name}`}
      data-testid="player-menu"
      data-name={name}
      style={{ left: x, top: y }}
      onMouseDown={(e) => e.stopPropagation()}
      onContextMenu={(e) => e.preventDefault()}
    >
      <p className="pmenu__name">{name}</p>
      <button
        type="button"
        role="menuitem"
        data-testid="pmenu-whisper"
        onClick={act(() => focusChat(`/w ${name} `))}
      >
        Whisper
      </button>
      <button
        type="button"
        role="menuitem"
        data-testid="pmenu-trade"
        onClick={act(() => void commands.tradeRequest(name))}
      >
        Trade
      </button>
      {!inParty && (
        <button
          type="button"
          role="menuitem"
          data-testid="pmenu-invite"
          onClick={act(() => void commands.partyInvite(name))}
        >
          Invite to party
        </button>
      )}
      {inParty && lead && memberId && (
        <>
          <button
            type="button"
            role="menuitem"
            data-testid="pmenu-promote"
            onClick={act(() => void commands.partyPromote(memberId, name))}
          >
            Make party leader
          </button>
          <button
            type="button"
            role="menuitem"
            className="is-danger"
            data-testid="pmenu-kick"
            onClick={act(() =>
              setDialog({
                kind: 'confirm',
                title: `Remove ${name}?`,
                message: `${name} leaves the party.`,
                confirmLabel: 'Remove',
                danger: true,
                onConfirm: () => void commands.partyKick(memberId, name),
              }),
            )}
          >
            Remove from party
          </button>
        </>
      )}
      <button
        type="button"
        role="menuitem"
        data-testid="pmenu-friend"
        onClick={act(() => request.mutate(name))}
      >
        Add friend
      </button>
      <button
        type="button"
        role="menuitem"
        className="is-danger"
        data-testid="pmenu-ignore"
        onClick={act(() =>
          setDialog({
            kind: 'confirm',
            title: `Ignore ${name}?`,
            message: `You will not see ${name}'s messages, whispers, party invitations or friend requests. Undo in the friends window (O) or with /unignore ${name}.`,
            confirmLabel: 'Ignore',
            danger: true,
            onConfirm: () => void commands.ignore(name),
          }),
        )}
      >
        Ignore
      </button>
      <button
        type="button"
        role="menuitem"
        className="is-danger"
        data-testid="pmenu-report"
        onClick={act(() =>
          setDialog({
            kind: 'report',
            title: `Report ${name}`,
            name,
            onConfirm: (reason, note) => void commands.reportPlayer(name, reason, note),
          }),
        )}
      >
        Report…
      </button>
    </div>
  );
}
