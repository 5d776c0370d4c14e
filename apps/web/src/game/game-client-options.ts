import type {
  ContractProgressMsg,
  FriendPresenceMsg,
  NotificationNewMsg,
  QuestUpdateMsg,
  ReputationChangedMsg,
  SimTicket,
} from '@necp/shared';
import type { StickInput } from './input/touch-stick';
import type { GameStore } from './store/game-store';

/** What the React view (game-view.tsx) gives the game client: the canvas, the store, the web's side. */
export interface GameClientOptions {
  canvas: HTMLCanvasElement;
  store: GameStore;
  /** mints a fresh sim ticket for this character (tRPC character.enter) */
  enter: () => Promise<SimTicket>;
  characterId: string;
  /** the sim changed bag/eddies (pickup, drop, crate): refetch the inventory */
  onInventoryChanged: () => void;
  /** XP or level changed (progress:xp): refetch the character sheet */
  onProgress: () => void;
  /** quest:update — a quest changed outside a request (kill, pickup, area, use, failure): refetch the log */
  onQuestUpdate: (msg: QuestUpdateMsg) => void;
  /** reputation:changed — standings moved (kills): refetch the reputation list */
  onReputationChanged: (msg: ReputationChangedMsg) => void;
  /** friend:presence — a friend came online, went AFK, changed district or left */
  onFriendPresence: (msg: FriendPresenceMsg) => void;
  /** notification:new — a notification for this character (the bell) */
  onNotification?: (msg: NotificationNewMsg) => void;
  /** contract:progress — a kill or craft contract of yours counted one more */
  onContractProgress?: (msg: ContractProgressMsg) => void;
  /** guild:update / guild:invited — your guild, its roster or your invitations changed */
  onGuildChange?: () => void;
  /** the on-screen stick of touch devices: moves like WASD when no key is held */
  stick?: StickInput;
}
