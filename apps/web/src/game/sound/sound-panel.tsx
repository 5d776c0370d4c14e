'use client';
import { useSyncExternalStore } from 'react';
import { soundEngine } from './engine-instance';
import { VOLUME_CHANNELS, type VolumeChannel } from './sound-settings';

const LABELS: Record<VolumeChannel, string> = {
  master: 'Master',
  effects: 'Effects',
  ambience: 'Ambience',
  music: 'Music',
};

/** The game menu's sound section: four volumes and mute, kept in this browser. */
export function SoundPanel() {
  const engine = soundEngine();
  const s = useSyncExternalStore(
    (fn) => engine.subscribe(fn),
    () => engine.getSettings(),
    () => engine.getSettings(),
  );
  return (
    <fieldset className="sound-panel" data-testid="sound-panel">
      <legend className="sound-panel__title">sound</legend>
      {VOLUME_CHANNELS.map((ch) => (
        <label key={ch} className="sound-panel__row">
          <span>{LABELS[ch]}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={Math.round(s[ch] * 100)}
            data-testid={`volume-${ch}`}
            aria-label={`${LABELS[ch]} volume`}
            onChange={(e) => engine.update({ [ch]: Number(e.target.value) / 100 })}
          />
          <output>{Math.round(s[ch] * 100)}</output>
        </label>
      ))}
      <label className="sound-panel__row sound-panel__mute">
        <input
          type="checkbox"
          checked={s.muted}
          data-testid="sound-mute"
          onChange={(e) => engine.update({ muted: e.target.checked })}
        />
        <span>Mute all</span>
      </label>
    </fieldset>
  );
}
