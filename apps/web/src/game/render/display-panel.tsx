'use client';
import { useSyncExternalStore } from 'react';
import { displaySettings } from './display-settings';

/** The game menu's display section: the weather on or off, kept in this browser. */
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
    </fieldset>
  );
}
