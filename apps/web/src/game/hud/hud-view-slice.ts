/**
 * The HUD's view of the world in the game store: the own plate, who and what is around,
 * what is in reach, which terminal, contact or station is near. `hud-publisher.ts`
 * publishes it whole at ~10 Hz (one store update per publish, none when nothing changed).
 */
import type { Slice } from '../store/slice';
import type { GroundCrate, GroundDrop, Reachable } from '../world/interaction';

export interface HudSelf {
  name: string;
  level: number;
  health: number;
  maxHealth: number;
  /** metres */
  x: number;
  y: number;
}

export interface VisibleEntity {
  eid: number;
  kind: 'player' | 'npc';
  name: string;
  /** npcs: content template id */
  templateId?: string;
  dead: boolean;
  health: number;
  maxHealth: number;
  /** metres, last position the server reported */
  x: number;
  y: number;
}

/** A drop as the HUD lists it: plus whether this character may loot it now. */
export interface VisibleDrop extends GroundDrop {
  mine: boolean;
}

export interface NearContact {
  id: string;
  name: string;
  title: string;
}

type Near = { id: string; name: string } | null;

export interface HudViewState {
  self: HudSelf | null;
  visible: VisibleEntity[];
  drops: VisibleDrop[];
  crates: GroundCrate[];
  /** nearest drop/crate within pickup range */
  reach: Reachable | null;
  /** bank terminal within BANK_RANGE of the predicted position */
  bankNear: Near;
  /** mail terminal within MAIL_RANGE of the predicted position */
  mailNear: Near;
  /** auction terminal within AUCTION_RANGE of the predicted position */
  auctionNear: Near;
  /** crafting station within CRAFT_RANGE of the predicted position */
  craftNear: Near;
  /** the nearest contact within talk range (INTERACT_RANGE, minus a margin) */
  contactNear: NearContact | null;
  /** a metro station within INTERACT_RANGE */
  stationNear: Near;
}

export interface HudViewActions {
  /** the HUD publisher's update: the whole view at once */
  hudPublished: (view: HudViewState) => void;
  /** a welcome for another zone: no terminal, contact or station of the old one is near */
  zoneLeft: () => void;
}

export const hudViewSlice: Slice<HudViewState & HudViewActions> = (set) => ({
  self: null,
  visible: [],
  drops: [],
  crates: [],
  reach: null,
  bankNear: null,
  mailNear: null,
  auctionNear: null,
  craftNear: null,
  contactNear: null,
  stationNear: null,
  hudPublished: (view) => set(view),
  zoneLeft: () =>
    set({
      contactNear: null,
      stationNear: null,
      bankNear: null,
      mailNear: null,
      auctionNear: null,
      craftNear: null,
    }),
});
