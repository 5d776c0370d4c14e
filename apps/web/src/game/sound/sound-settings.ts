/**
 * The player's sound settings, remembered per browser (settings/browser-settings.ts):
 * four volumes (0–1) and mute. A browser that asks for reduced motion gets no
 * ambience or music by default (the steady background that such a preference asks to
 * be spared); its own choice wins once made.
 */
import { z } from 'zod';
import { browserSettings } from '../settings/browser-settings';

export const SOUND_SETTINGS_KEY = 'necp.sound';

export const VOLUME_CHANNELS = ['master', 'effects', 'ambience', 'music'] as const;
export type VolumeChannel = (typeof VOLUME_CHANNELS)[number];

export type SoundSettings = Record<VolumeChannel, number> & { muted: boolean };

const volume = z.number().finite().min(0).max(1);

export function defaultSoundSettings(reducedMotion: boolean): SoundSettings {
  return {
    master: 0.8,
    effects: 0.8,
    ambience: reducedMotion ? 0 : 0.5,
    music: reducedMotion ? 0 : 0.3,
    muted: false,
  };
}

const stored = browserSettings(
  SOUND_SETTINGS_KEY,
  z.object({
    master: volume,
    effects: volume,
    ambience: volume,
    music: volume,
    muted: z.boolean(),
  }),
  defaultSoundSettings,
);

export const parseSoundSettings = stored.parse;
export const loadSoundSettings = stored.load;
export const saveSoundSettings = stored.save;
