/** The toasts' part of the game store: at most four at once, each dismissed 5 s after it showed. */
import type { Slice } from '../store/slice';

export type ToastKind = 'info' | 'success' | 'warn' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  /** an item named after the text, drawn in its rarity colour ("Picked up <Kiroshi Optics> ×2") */
  item?: ToastItem;
  /** what it announces, for its sound (sound/cues.ts); none: silent */
  cue?: ToastCue;
}
/** A toast that has a sound: a pick-up (by the item's rarity), a quest taken or done. */
export type ToastCue = 'loot' | 'quest_accepted' | 'quest_complete';
export interface ToastItem {
  name: string;
  rarity: string;
  quantity?: number;
}

export interface ToastSliceState {
  toasts: Toast[];
}

export interface ToastSliceActions {
  toast: (kind: ToastKind, text: string, item?: ToastItem, cue?: ToastCue) => void;
  dismissToast: (id: number) => void;
  /**
   * The toast is on screen now: its dismissal timer starts (once). A toast that waits
   * hidden for room (toasts.tsx) keeps its time, so it is never dismissed unseen.
   */
  toastShown: (id: number) => void;
}

const TOAST_MS = 5000;
const MAX_TOASTS = 4;

export const toastSlice: Slice<ToastSliceState & ToastSliceActions> = (set, get) => {
  let nextToastId = 1;
  /** toasts whose dismissal timer runs */
  const timed = new Set<number>();
  return {
    toasts: [],
    toast: (kind, text, item, cue) => {
      const id = nextToastId++;
      const toasts = [...get().toasts, { id, kind, text, item, ...(cue ? { cue } : {}) }];
      // the oldest give way to new ones beyond the cap, shown or not
      for (const t of toasts.slice(0, -MAX_TOASTS)) timed.delete(t.id);
      set({ toasts: toasts.slice(-MAX_TOASTS) });
    },
    dismissToast: (id) => {
      timed.delete(id);
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    toastShown: (id) => {
      if (timed.has(id) || !get().toasts.some((t) => t.id === id)) return;
      timed.add(id);
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
  };
};
