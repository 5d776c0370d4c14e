/**
 * The player's display settings, remembered per browser (settings/browser-settings.ts):
 * whether the weather (rain) falls, and the frame-rate cap. A browser that asks for
 * reduced motion starts without rain. The renderer and the frame loop read
 * `displaySettings.get()` each frame; the game menu's display section writes through `update`.
 */
import { z } from 'zod';
import { browserSettings } from '../settings/browser-settings';

export const DISPLAY_SETTINGS_KEY = 'necp.display';

/**
 * Frames a second the game paints at most (0: as often as the screen refreshes). A cap
 * spares a machine without GPU raster most of an idle city's CPU (render/frame-loop.ts).
 */
export const FRAME_CAPS = [0, 60, 30] as const;
export type FrameCap = (typeof FRAME_CAPS)[number];

export interface DisplaySettings {
  weather: boolean;
  maxFps: FrameCap;
}

const stored = browserSettings(
  DISPLAY_SETTINGS_KEY,
  z.object({ weather: z.boolean(), maxFps: z.literal(FRAME_CAPS) }),
  (reducedMotion): DisplaySettings => ({ weather: !reducedMotion, maxFps: 0 }),
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
