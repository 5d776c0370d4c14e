/** The combat HUD's part of the game store: its state, and what the combat controller tells it. */
import type { PortraitInput } from '../render/art/portrait';
import type { Slice } from '../store/slice';
import type { NpcDisposition, NpcRank } from '@necp/shared';
import type { LogLine } from './combat-log';
import type { SelfCombatView } from './self-combat-clock';

/** A status effect as a frame shows it; `endsAt` on the performance.now() clock. */
export interface EffectView {
  id: string;
  stacks: number;
  endsAt: number;
}

/** A cast as a cast bar shows it (performance.now() clock). */
export interface CastView {
  ability: string;
  startedAt: number;
  endsAt: number;
}

export interface TargetView {
  eid: number;
  kind: 'player' | 'npc';
  name: string;
  level: number;
  rank: NpcRank | null;
  disposition: NpcDisposition | null;
  /** a hostile NPC, or a player of the other arena team (red, attackable) */
  hostile: boolean;
  health: number;
  maxHealth: number;
  dead: boolean;
  effects: EffectView[];
  cast: CastView | null;
  /** metres from the own character (greys out abilities that do not reach) */
  distance: number;
  /** what its portrait is drawn from */
  portrait: PortraitInput;
}

export interface CombatUiState {
  classId: string;
  /** the own origin id (the portrait's cap, hat or collar) */
  origin: string;
  /** ability ids on keys 1–6 */
  bar: string[];
  /** own timers; the ability bar animates from these every frame */
  selfCombat: SelfCombatView | null;
  selfEffects: EffectView[];
  selfDead: boolean;
  /** who flatlined us (death screen) */
  killer: string | null;
  target: TargetView | null;
  combatLog: LogLine[];
  combatLogOpen: boolean;
  /** red line over the screen after a refused ability ("Out of range") */
  combatError: { id: number; text: string } | null;
  /** the slot that shakes after a refusal */
  shake: { slot: number; id: number } | null;
  /** from progress:xp (null until the first gain: the sheet query has the start value) */
  xp: { total: number; level: number } | null;
  levelUp: { id: number; level: number } | null;
}

/** What the controller publishes ~10×/s (only what changed). */
export type CombatHudPatch = Partial<
  Pick<CombatUiState, 'selfCombat' | 'selfEffects' | 'selfDead' | 'killer' | 'target'>
>;

export interface CombatUiActions {
  toggleCombatLog: () => void;
  /** a (re)connect: the class, its bar, no target and no killer */
  combatWelcomed: (fighter: { classId: string; origin: string; bar: string[] }) => void;
  /** the controller's HUD values (one update per publish) */
  combatPublished: (patch: CombatHudPatch) => void;
  /** Esc cleared the target */
  targetCleared: () => void;
  /** a refused ability: the red line over the screen */
  combatFlash: (text: string) => void;
  /** a refused ability: its slot shakes */
  slotShaken: (slot: number) => void;
  /** the own character died (`killer`: who did it, null when unknown or self) */
  selfKilled: (killer: string | null) => void;
  /** lines were added to the combat log (its whole, newest last) */
  combatLogged: (lines: LogLine[]) => void;
  /** progress:xp: the bar's XP, the log; a level gained flashes and may bring abilities */
  xpGained: (gain: {
    xp: { total: number; level: number };
    combatLog: LogLine[];
    /** levels were gained: the new level and the bar at it */
    levelUp?: { level: number; bar?: string[] };
  }) => void;
}

export const initialCombatUi = (): CombatUiState => ({
  classId: '',
  origin: '',
  bar: [],
  selfCombat: null,
  selfEffects: [],
  selfDead: false,
  killer: null,
  target: null,
  combatLog: [],
  combatLogOpen: false,
  combatError: null,
  shake: null,
  xp: null,
  levelUp: null,
});

/** The combat HUD's part of the game store (its values are published by the combat controller). */
export const combatUiSlice: Slice<CombatUiState & CombatUiActions> = (set, get) => {
  /** one counter for every flash (error line, shake, level-up): a new id replays its animation */
  let flashId = 0;
  return {
    ...initialCombatUi(),
    toggleCombatLog: () => set({ combatLogOpen: !get().combatLogOpen }),
    combatWelcomed: ({ classId, origin, bar }) =>
      set({ classId, origin, bar, target: null, killer: null }),
    combatPublished: (patch) => set(patch),
    targetCleared: () => set({ target: null }),
    combatFlash: (text) => set({ combatError: { id: ++flashId, text } }),
    slotShaken: (slot) => set({ shake: { slot, id: ++flashId } }),
    selfKilled: (killer) => set({ killer }),
    combatLogged: (combatLog) => set({ combatLog }),
    xpGained: ({ xp, combatLog, levelUp }) =>
      set({
        xp,
        combatLog,
        ...(levelUp && { levelUp: { id: ++flashId, level: levelUp.level } }),
        ...(levelUp?.bar && { bar: levelUp.bar }),
      }),
  };
};
