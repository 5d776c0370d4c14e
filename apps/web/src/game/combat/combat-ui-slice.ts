/** Types of the combat UI state kept in the game store (published by GameClient). */
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

export interface CombatUiActions {
  toggleCombatLog: () => void;
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

/** The combat HUD's part of the game store (its values are published by the client). */
export const combatUiSlice: Slice<CombatUiState & CombatUiActions> = (set, get) => ({
  ...initialCombatUi(),
  toggleCombatLog: () => set({ combatLogOpen: !get().combatLogOpen }),
});
