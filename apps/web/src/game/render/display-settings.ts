/**
 * The player's display settings, remembered per browser (settings/browser-settings.ts):
 * whether the weather (rain) falls. A browser that asks for reduced motion starts
 * without it. The renderer reads `displaySettings.get()` each frame; the game menu's
 * display section writes through `update`.
 */
import { z } from 'zod';
import { browserSettings } from '../settings/browser-settings';

export const DISPLAY_SETTINGS_KEY = 'necp.display';

export interface DisplaySettings {
  weather: boolean;
}

const stored = browserSettings(
  DISPLAY_SETTINGS_KEY,
  z.object({ weather: z.boolean() }),
  (reducedMotion): DisplaySettings => ({ weather: !reducedMotion }),
);
export const parseDisplaySettings = stored.parse;

let current: DisplaySettings | null = null;
const listeners = new Set<() => void>();

export const displaySettings = {
  get(): DisplaySettings {
    return (current ??= stored.load());
  },
  update(patch: Partial<DisplaySettings>) {
    current = { ...displaySettings.get(), ...patch };
    stored.save(current);
    for (const fn of listeners) fn();
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};
