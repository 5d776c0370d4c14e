/**
 * Store state for contacts, quests, trade and travel (issue 5). The HUD panels own
 * the conversation, vendor and quest state; the renderer reads questMarkers to draw
 * "!" / "?" over contacts; zone-transitions.ts tells the area banners and metro rides
 * (what is near is the HUD publisher's, hud/hud-view-slice.ts).
 */
import type { Slice } from '../store/slice';
import type { AreaEnteredMsg, GuideTarget } from '@necp/shared';

export interface WorldUiState {
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
  areaBanner: AreaBanner | null;
  /** a metro ride in progress: the full-screen transition shows until the new zone:welcome */
  ride: MetroRide | null;
}

export type AreaBanner = AreaEnteredMsg & { at: number; district?: boolean; sub?: string };

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
  /** an area's (or, arriving, a district's) banner shows */
  areaBannerShown: (banner: AreaBanner) => void;
  /** the zone changed under it: the banner goes */
  areaBannerCleared: () => void;
  /** a ride is asked for: the transition shows from now (until refused or arrived) */
  rideStarted: (ride: MetroRide) => void;
  /** the new district is here: the transition fades out */
  rideArrived: () => void;
  /** the transition is gone and the district's banner shows */
  rideEnded: (banner: AreaBanner) => void;
  /** refused, given up, or a reconnect that landed back: no ride, no banner */
  rideCancelled: () => void;
}

export const initialWorldUi = (): WorldUiState => ({
  dialogue: null,
  vendorContactId: null,
  questMarkers: {},
  guide: null,
  areaBanner: null,
  ride: null,
});

/** The world's part of the game store: the conversation or shop, markers, banners, rides. */
export const worldUiSlice: Slice<WorldUiState & WorldUiActions> = (set, get) => ({
  ...initialWorldUi(),
  // one conversation or shop at a time: opening one closes the other
  openDialogue: (contactId) => set({ dialogue: { contactId }, vendorContactId: null }),
  closeDialogue: () => set({ dialogue: null }),
  openVendor: (contactId) => set({ vendorContactId: contactId, dialogue: null }),
  closeVendor: () => set({ vendorContactId: null }),
  setQuestMarkers: (questMarkers) => set({ questMarkers }),
  setGuide: (guide) => set({ guide }),
  areaBannerShown: (areaBanner) => set({ areaBanner }),
  areaBannerCleared: () => set({ areaBanner: null }),
  rideStarted: (ride) => set({ ride }),
  rideArrived: () => {
    const ride = get().ride;
    if (ride) set({ ride: { ...ride, arrived: true } });
  },
  rideEnded: (areaBanner) => set({ ride: null, areaBanner }),
  rideCancelled: () => set({ ride: null }),
});
