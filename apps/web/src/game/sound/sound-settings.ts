/**
 * The player's sound settings, remembered per browser (localStorage): four volumes
 * (0–1) and mute. Read through Zod — a stored value from an older client, a hand-edited
 * one or garbage falls back to the defaults, field by field. A browser that asks for
 * reduced motion gets no ambience or music by default (the steady background
 * that such a preference asks to be spared); its own choice wins once made.
 */
import { z } from 'zod';

export const SOUND_SETTINGS_KEY = 'necp.sound';

export const VOLUME_CHANNELS = ['master', 'effects', 'ambience', 'music'] as const;
export type VolumeChannel = (typeof VOLUME_CHANNELS)[number];

export type SoundSettings = Record<VolumeChannel, number> & { muted: boolean };

const volume = z.number().finite().min(0).max(1);
const StoredSchema = z
  .object({
    master: volume,
    effects: volume,
    ambience: volume,
    music: volume,
    muted: z.boolean(),
  })
  .partial();

export function defaultSoundSettings(reducedMotion: boolean): SoundSettings {
  return {
    master: 0.8,
    effects: 0.8,
    ambience: reducedMotion ? 0 : 0.5,
    music: reducedMotion ? 0 : 0.3,
    muted: false,
  };
}

/** The stored JSON (or null) over the defaults: each valid field wins, an invalid one is dropped. */
export function parseSoundSettings(raw: string | null, reducedMotion: boolean): SoundSettings {
  const base = defaultSoundSettings(reducedMotion);
  if (!raw) return base;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return base;
  }
  if (typeof json !== 'object' || json === null) return base;
  const out = { ...base };
  for (const key of [...VOLUME_CHANNELS, 'muted'] as const) {
    const one = StoredSchema.shape[key].safeParse((json as Record<string, unknown>)[key]);
    if (one.success && one.data !== undefined) (out as Record<string, unknown>)[key] = one.data;
  }
  return out;
}

const reducedMotion = () =>
  typeof window !== 'undefined' &&
  (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);

export function loadSoundSettings(): SoundSettings {
  try {
    return parseSoundSettings(localStorage.getItem(SOUND_SETTINGS_KEY), reducedMotion());
  } catch {
    // blocked storage: the defaults, for this session
    return defaultSoundSettings(reducedMotion());
  }
}

export function saveSoundSettings(s: SoundSettings) {
  try {
    localStorage.setItem(SOUND_SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // blocked storage: the choice lasts for this session
  }
}
