/**
 * A read-only window into the game client for end-to-end tests (and curious
 * players): `window.__necp.state()` returns what this client already knows and
 * draws — positions, health, the target. Nothing in it can change the game, and
 * nothing in it is hidden from the player (it is all on screen).
 */
export interface NecpTestEntity {
  eid: number;
  kind: 'player' | 'npc';
  name: string;
  /** a player's achievement title under its name (null: none) */
  title: string | null;
  /** a player whose client is gone (drawn dimmed, "disconnected" on its plate) */
  disconnected: boolean;
  templateId: string | null;
  /** metres, where it is drawn now */
  x: number;
  y: number;
  health: number;
  maxHealth: number;
  dead: boolean;
  /** NPCs: 'hostile' | 'neutral'; players: 'hostile' for the other arena team, else null */
  disposition: string | null;
  /** on screen now: Tab only cycles through these */
  inView: boolean;
}

/** A contact (quest giver, vendor) in view: walk to (x, y) to talk. */
export interface NecpTestContact {
  eid: number;
  /** content id (contacts.ts), e.g. 'regina' */
  contactId: string;
  name: string;
  title: string;
  x: number;
  y: number;
}

export interface NecpTestView {
  /** the zone the character is in ('watson', 'westbrook', …) */
  zoneId: string | null;
  self: {
    eid: number;
    x: number;
    y: number;
    level: number;
    health: number;
    maxHealth: number;
    dead: boolean;
    /** the achievement title on the own plate (null: none) */
    title: string | null;
    /** the main hand's item template its figure draws (null: fists) */
    weapon: string | null;
  } | null;
  target: number | null;
  entities: NecpTestEntity[];
  drops: { eid: number; templateId: string; x: number; y: number; mine: boolean }[];
  /** contacts in view (not in `entities`: they are never fighters or targets) */
  contacts: NecpTestContact[];
  /**
   * Name plates of the last frame as laid out on the canvas (CSS px): 'self',
   * 'e<eid>' for fighters, 'c<eid>' for contacts, 'd<eid>' for drops, 'k<eid>' for
   * crates; and the keys hidden for lack of room.
   */
  plates?: { key: string; x0: number; y0: number; x1: number; y1: number }[];
  hiddenPlates?: string[];
  /** where the welcome quest's guide arrow points (null: nowhere) */
  guide?: { x: number; y: number; label: string } | null;
  /** the city as the last frame drew it: the district's style, rain or not, tiles kept */
  city?: { style: string; rain: boolean; tiles: number } | null;
  /** the movement keys the game holds now (KeyboardEvent.code: 'KeyW', 'ArrowUp', …) */
  keys?: string[];
  /** the frame loop: the cap it read at its last frame (0: the screen's rate), frames painted */
  frames?: { cap: number; painted: number };
  /** the mixer: unlocked by a gesture yet, its AudioContext's state, the district's ambience, the effects started (newest last) */
  sound?: { unlocked: boolean; context: string | null; ambience: string | null; played: string[] };
}

declare global {
  interface Window {
    __necp?: { state: () => NecpTestView };
  }
}

/** Installs the hook; returns its removal. */
export function installTestHook(view: () => NecpTestView): () => void {
  const hook = Object.freeze({ state: () => structuredClone(view()) });
  window.__necp = hook;
  return () => {
    if (window.__necp === hook) delete window.__necp;
  };
}
