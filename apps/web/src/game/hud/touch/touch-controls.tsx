'use client';
/**
 * Touch controls for phones and tablets (shown by mobile.css on coarse pointers and
 * small screens): a virtual stick bottom-left that feeds the same movement input as
 * WASD, and bottom-right buttons for "use" (E), next target (Tab) and the game menu
 * (Esc). Windows open from the action bar; abilities are tapped on the ability bar.
 */
import { useContext, useRef, useState, type PointerEvent } from 'react';
import { CONTEXT_LABEL, contextKeyAction } from '../../input/key-actions';
import { knobOffset, stickVector, type StickInput } from '../../input/touch-stick';
import type { GameStore } from '../../store/game-store';
import { useGameSession } from '../game-session';
import { GameStoreContext, useGame } from '../store-context';
import { runContextAction } from './context-action';

/** the ring's radius in CSS pixels (mobile.css draws it at twice this) */
const RADIUS = 56;

export function TouchControls() {
  const store = useContext(GameStoreContext) as GameStore;
  const { commands, stick } = useGameSession();
  const action = useGame((s) =>
    contextKeyAction({
      contactNear: s.contactNear,
      stationNear: s.stationNear,
      bankNear: s.bankNear,
      mailNear: s.mailNear,
      auctionNear: s.auctionNear,
      craftNear: s.craftNear,
      panels: s.panels,
    }),
  );
  const reach = useGame((s) => s.reach);
  const canUse = action !== 'interact' || reach !== null;
  return (
    <div className="touch" data-testid="touch-controls">
      <Stick stick={stick} />
      <div className="touch__buttons">
        <button
          type="button"
          className="touch__btn touch__btn--use"
          data-testid="touch-interact"
          data-action={action}
          data-ready={canUse}
          aria-label={`${CONTEXT_LABEL[action]} (E)`}
          onClick={() => runContextAction(store, commands)}
        >
          {CONTEXT_LABEL[action]}
        </button>
        <button
          type="button"
          className="touch__btn"
          data-testid="touch-target"
          aria-label="Next target (Tab)"
          onClick={() => commands.tabTarget()}
        >
          ◎
        </button>
        <button
          type="button"
          className="touch__btn"
          data-testid="touch-menu"
          aria-label="Game menu (Esc)"
          onClick={() => store.getState().setMenuOpen(true)}
        >
          ≡
        </button>
      </div>
    </div>
  );
}

function Stick({ stick }: { stick: StickInput }) {
  const base = useRef<HTMLDivElement>(null);
  const pointer = useRef<number | null>(null);
  const [knob, setKnob] = useState({ dx: 0, dy: 0 });
  const [held, setHeld] = useState(false);

  const follow = (e: PointerEvent<HTMLDivElement>) => {
    const r = base.current?.getBoundingClientRect();
    if (!r) return;
    const offX = e.clientX - (r.left + r.width / 2);
    const offY = e.clientY - (r.top + r.height / 2);
    stick.set(stickVector(offX, offY, RADIUS));
    setKnob(knobOffset(offX, offY, RADIUS));
  };
  const release = () => {
    pointer.current = null;
    stick.clear();
    setHeld(false);
    setKnob({ dx: 0, dy: 0 });
  };

  return (
    <div
      ref={base}
      className={`stick${held ? ' is-held' : ''}`}
      data-testid="touch-stick"
      role="application"
      aria-label="Movement stick"
      onPointerDown={(e) => {
        if (pointer.current !== null) return;
        e.preventDefault();
        pointer.current = e.pointerId;
        e.currentTarget.setPointerCapture(e.pointerId);
        setHeld(true);
        follow(e);
      }}
      onPointerMove={(e) => {
        if (e.pointerId === pointer.current) follow(e);
      }}
      onPointerUp={(e) => {
        if (e.pointerId === pointer.current) release();
      }}
      onPointerCancel={(e) => {
        if (e.pointerId === pointer.current) release();
      }}
      onLostPointerCapture={(e) => {
        if (e.pointerId === pointer.current) release();
      }}
    >
      <span
        className="stick__knob"
        style={{ transform: `translate(${knob.dx}px, ${knob.dy}px)` }}
        aria-hidden
      />
    </div>
  );
}
