'use client';
/** A game window over the map: neon frame, title with its hotkey, close button. */
import type { ReactNode } from 'react';

interface Props {
  title: string;
  hotkey: string;
  testId: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
  /** shown right of the title (e.g. the terminal's name) */
  extra?: ReactNode;
}

export function GameWindow({ title, hotkey, testId, onClose, className, children, extra }: Props) {
  return (
    <section
      className={`gwin ${className ?? ''}`}
      data-testid={testId}
      aria-label={title}
      // the map underneath must not see clicks, drags or wheel on a window
      onMouseDown={(e) => e.stopPropagation()}
    >
      <header className="gwin__head">
        <h2 className="gwin__title">
          <span className="gwin__slash">//</span> {title}
        </h2>
        {extra}
        <kbd className="gwin__key" title={`Toggle with ${hotkey}`}>
          {hotkey}
        </kbd>
        <button
          type="button"
          className="gwin__close"
          aria-label={`Close ${title}`}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="gwin__body">{children}</div>
    </section>
  );
}
