import { describe, expect, it } from 'vitest';
import { defaultSoundSettings, parseSoundSettings } from './sound-settings';

describe('sound settings, as stored in a browser', () => {
  it('start from the defaults; a reduced-motion browser gets no ambience or music until it asks', () => {
    expect(parseSoundSettings(null, false)).toEqual(defaultSoundSettings(false));
    const calm = parseSoundSettings(null, true);
    expect(calm.ambience).toBe(0);
    expect(calm.music).toBe(0);
    expect(calm.effects).toBeGreaterThan(0);
    // its own choice wins once made
    expect(parseSoundSettings('{"music":0.6}', true).music).toBe(0.6);
  });

  it('keep each valid field and drop each invalid one', () => {
    const s = parseSoundSettings(
      JSON.stringify({ master: 0.25, effects: 7, ambience: -1, music: 'loud', muted: true }),
      false,
    );
    const d = defaultSoundSettings(false);
    expect(s).toEqual({ ...d, master: 0.25, muted: true });
  });

  it('fall back to the defaults on garbage', () => {
    for (const raw of ['', 'not json', '42', 'null', '[1,2]', '{"master":NaN}', '\u0000'])
      expect(parseSoundSettings(raw, false)).toEqual(defaultSoundSettings(false));
  });
});
