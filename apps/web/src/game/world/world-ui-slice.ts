/**
 * Store state for contacts, quests, trade and travel (issue 5). The game client
 * publishes what is near (contactNear, stationNear) and the zone's contacts; the
 * HUD panels own the conversation, vendor and quest state; the renderer reads
 * questMarkers to draw "!" / "?" over contacts.
 */
import type { Slice } from '../store/slice';
import type { AreaEnteredMsg, GuideTarget } from '@necp/shared';

export interface NearContact {
  id: string;
  name: string;
  title: string;
}

export interface WorldUiState {
  /** the nearest contact within talk range (INTERACT_RANGE, minus a margin) */
  contactNear: NearContact | null;
  /** a metro station within INTERACT_RANGE */
  stationNear: { id: string; name: string } | null;
  /** the conversation on screen (DialogueWindow) */
  dialogue: { contactId: string } | null;
  /** the vendor window's contact (VendorWindow), opened from dialogue or by clicking a vendor */
  vendorContactId: string | null;
  /** contact id → marker over its head; set from the quest log (quests.log markers) */
  questMarkers: Record<string, '!' | '?'>;
  /** what the welcome quest's guide arrow points at now (set by the tutorial panel) */
  guide: GuideTarget | null;
  /**
   * the area banner ("Entering Watson Docks"), set on zone:area; `district` when it
   * announces a whole zone (arriving by metro), with its level range in `sub`
   */
  areaBanner: (AreaEnteredMsg & { at: number; district?: boolean; sub?: string }) | null;
  /** a metro ride in progress: the full-screen transition shows until the new zone:welcome */
  ride: MetroRide | null;
}

/** an area banner stays this long, the last part fading (hud/area-banner.css animates the same span) */
export const AREA_BANNER_MS = 2800;

export interface MetroRide {
  fromName: string;
  toZoneId: string;
  toName: string;
  /** Date.now() when the ride started */
  startedAt: number;
  /** the new zone:welcome arrived: the transition fades out */
  arrived: boolean;
}

export interface WorldUiActions {
  openDialogue: (contactId: string) => void;
  closeDialogue: () => void;
  openVendor: (contactId: string) => void;
  closeVendor: () => void;
  setQuestMarkers: (m: Record<string, '!' | '?'>) => void;
  setGuide: (g: GuideTarget | null) => void;
}

export const initialWorldUi = (): WorldUiState => ({
  contactNear: null,
  stationNear: null,
  dialogue: null,
  vendorContactId: null,
  questMarkers: {},
  guide: null,
  areaBanner: null,
  ride: null,
});

/** The world's part of the game store: what is near, the conversation or shop, markers, banners, rides. */
export const worldUiSlice: Slice<WorldUiState & WorldUiActions> = (set) => ({
  ...initialWorldUi(),
  // one conversation or shop at a time: opening one closes the other
  openDialogue: (contactId) => set({ dialogue: { contactId }, vendorContactId: null }),
  closeDialogue: () => set({ dialogue: null }),
  openVendor: (contactId) => set({ vendorContactId: contactId, dialogue: null }),
  closeVendor: () => set({ vendorContactId: null }),
  setQuestMarkers: (questMarkers) => set({ questMarkers }),
  setGuide: (guide) => set({ guide }),
});
