'use client';
import { useSyncExternalStore } from 'react';
import { FRAME_CAPS, displaySettings, type FrameCap } from './display-settings';

const capLabel = (n: FrameCap) => (n === 0 ? 'Screen' : String(n));

/** The game menu's display section: the weather on or off and the frame-rate cap, kept in this browser. */
export function DisplayPanel() {
  const s = useSyncExternalStore(
    (fn) => displaySettings.subscribe(fn),
    () => displaySettings.get(),
    () => displaySettings.get(),
  );
  return (
    <fieldset className="sound-panel" data-testid="display-panel">
      <legend className="sound-panel__title">display</legend>
      <label className="sound-panel__row sound-panel__mute">
        <input
          type="checkbox"
          checked={s.weather}
          data-testid="display-weather"
          onChange={(e) => displaySettings.update({ weather: e.target.checked })}
        />
        <span>Weather (rain)</span>
      </label>
      <div
        className="sound-panel__row display-panel__fps"
        role="radiogroup"
        aria-label="Frame rate limit"
      >
        <span>Frames</span>
        <div className="display-panel__choices">
          {FRAME_CAPS.map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={s.maxFps === n}
              className={`ah-chip${s.maxFps === n ? ' is-on' : ''}`}
              data-testid={`display-fps-${n}`}
              title={n === 0 ? 'As often as the screen refreshes' : `At most ${n} frames a second`}
              onClick={() => displaySettings.update({ maxFps: n })}
            >
              {capLabel(n)}
            </button>
          ))}
        </div>
      </div>
    </fieldset>
  );
}
