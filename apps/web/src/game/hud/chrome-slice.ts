/**
 * The chrome's part of the game store: the game menu, the notification bell's list, the
 * keyboard cheat sheet, and what is open over the map in the order it opened (`layers`:
 * the store itself restacks it after every change, input/layer-stack.ts).
 */
import type { LayerId } from '../input/layer-stack';
import type { Slice } from '../store/slice';
import { saveKeyHelp } from './key-help-pref';

export interface ChromeSliceState {
  menuOpen: boolean;
  /** the notification bell's list is open (N) */
  notificationsOpen: boolean;
  /** what is open over the map, in the order it opened (input/layer-stack.ts: Esc closes the top) */
  layers: readonly LayerId[];
  /** the keyboard cheat sheet is shown (hud/key-help.tsx loads the remembered choice) */
  keyHelp: boolean;
}

export interface ChromeSliceActions {
  setMenuOpen: (open: boolean) => void;
  setNotificationsOpen: (open: boolean) => void;
  /** H / ? / its × or chip: show or hide the cheat sheet, remembered per browser */
  toggleKeyHelp: () => void;
  /** the remembered choice was read (hud/key-help.tsx, on mount) */
  keyHelpLoaded: (shown: boolean) => void;
}

export const chromeSlice: Slice<ChromeSliceState & ChromeSliceActions> = (set, get) => ({
  menuOpen: false,
  notificationsOpen: false,
  layers: [],
  keyHelp: false,
  setMenuOpen: (menuOpen) => set({ menuOpen }),
  setNotificationsOpen: (notificationsOpen) => set({ notificationsOpen }),
  toggleKeyHelp: () => {
    const keyHelp = !get().keyHelp;
    saveKeyHelp(keyHelp);
    set({ keyHelp });
  },
  keyHelpLoaded: (keyHelp) => set({ keyHelp }),
});
