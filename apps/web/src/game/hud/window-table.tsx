'use client';
/**
 * The game's windows as a player reaches them, one row each: the action bar's button
 * (icon, label, live badge) and what toggles it. ActionBar (action-bar.tsx) draws the
 * rows with a button; a window's key is its line of the key table
 * (input/key-bindings.ts), whose dispatcher (use-hotkeys.ts) runs the row's toggle.
 * A new window is a row here, its component in overlays.ts and, with a key, a line there.
 */
import type { ReactNode } from 'react';
import { useFriends } from '../friends/use-friends';
import { useGuildInvites, useMyGuild } from '../guild/use-guild';
import { windowKey, type WindowId } from '../input/key-bindings';
import type { PanelId } from '../items/item-ui-slice';
import { useSheet } from '../items/use-inventory';
import { unreadBadge } from '../mail/mail-view';
import { useMailbox } from '../mail/use-mail';
import { readyCount } from '../quests/quest-lists';
import { useDailyStatus, useQuestLog } from '../quests/use-quests';
import type { GameActions, GameState } from '../store/game-store';
import { isInstanceZone } from '../world/zone-lookup';
import type { GameCommands } from './game-session';
import { useGame } from './store-context';

type Store = GameState & GameActions;

/** What follows live data on a button: a badge, or a title and state that change. */
export interface WindowLook {
  title?: string;
  /** dimmed (e.g. the bank away from a terminal) */
  far?: boolean;
  state?: string;
  badge?: ReactNode;
}

export interface WindowRow {
  id: WindowId;
  testId: string;
  icon: string;
  label: string;
  title: string;
  /** its key from the key table (KeyboardEvent.code and the key's face); none: no hotkey */
  key?: { code: string; face: string };
  /** false: reached by its key and in the world only (the metro: T, at a station) */
  button?: false;
  isOpen: (s: Store) => boolean;
  toggle: (s: Store, commands: GameCommands) => void;
  /** a hook: the button's badge, or the title and state that follow data */
  useLook?: () => WindowLook;
}

/** A window's key (the key table's) and its title naming it: "Inventory (I)". */
const keyed = (id: WindowId, title: string): Pick<WindowRow, 'key' | 'title'> => {
  const key = windowKey(id);
  return key ? { key, title: `${title} (${key.face})` } : { title };
};

/** A window that is one panel of the store, opened and closed by its button and key. */
const panel = (id: PanelId, icon: string, label: string, title = label): WindowRow => ({
  id,
  testId: `hud-${id}`,
  icon,
  label,
  ...keyed(id, title),
  isOpen: (s) => s.panels[id],
  toggle: (s) => s.togglePanel(id),
});

const badge = (testId: string, title: string, text: ReactNode, modifier = '') => (
  <span className={`actionbar__badge${modifier}`} data-testid={testId} title={title}>
    {text}
  </span>
);

export const WINDOWS: readonly WindowRow[] = [
  panel('inventory', '▦', 'Inventory'),
  {
    ...panel('character', '◈', 'Character'),
    useLook() {
      const points = useSheet().data?.attributePoints ?? 0;
      return points > 0
        ? { badge: badge('hud-points', 'Unspent attribute points', `+${points}`) }
        : {};
    },
  },
  {
    ...panel('quests', '!', 'Quests', 'Quest log'),
    useLook() {
      const log = useQuestLog().data;
      const ready = log ? readyCount(log) : 0;
      if (ready === 0) return {};
      const text = `?${ready > 1 ? ready : ''}`;
      return {
        badge: badge(
          'hud-quests-ready',
          'Quests ready to turn in',
          text,
          ' actionbar__badge--ready',
        ),
      };
    },
  },
  panel('reputation', '♜', 'Reputation'),
  {
    ...panel('friends', '☺', 'Friends'),
    useLook() {
      const requests = useFriends().data?.incoming.length ?? 0;
      return requests > 0
        ? { badge: badge('hud-friend-requests', 'Friend requests waiting', requests) }
        : {};
    },
  },
  {
    ...panel('guild', '⬢', 'Guild'),
    useLook() {
      // invitations matter only to a character in no guild
      const noGuild = useMyGuild().data === null;
      const invites = useGuildInvites(noGuild).data?.length ?? 0;
      return noGuild && invites > 0
        ? { badge: badge('hud-guild-invites', 'Guild invitations waiting', invites) }
        : {};
    },
  },
  panel('achievements', '✪', 'Achievements'),
  panel('rankings', '♛', 'Rankings'),
  panel('queue', '⚔', 'Finder', 'Group finder'),
  panel('contracts', '✎', 'Contracts', 'Contract board'),
  {
    ...panel('daily', '✦', 'Daily', 'Daily reward'),
    useLook() {
      const q = useDailyStatus();
      const d = q.data;
      return {
        title: d?.canClaim ? 'Daily reward — ready to claim' : 'Daily reward',
        state: d ? (d.canClaim ? 'claimable' : 'claimed') : q.isError ? 'error' : 'loading',
        badge: d?.canClaim && (
          <span className="actionbar__dot" data-testid="hud-daily-dot" aria-label="Unclaimed" />
        ),
      };
    },
  },
  {
    ...panel('bank', '¥', 'Bank'),
    // the vault opens only beside a terminal (the command says so when it cannot)
    toggle: (_s, commands) => commands.toggleBank(),
    useLook() {
      const near = useGame((s) => s.bankNear);
      return { far: !near, title: near ? near.name : 'Walk up to a bank terminal' };
    },
  },
  {
    ...panel('mail', '✉', 'Mail'),
    toggle: (_s, commands) => commands.toggleMail(),
    useLook() {
      const near = useGame((s) => s.mailNear);
      const unread = unreadBadge(useMailbox().unread);
      return {
        far: !near,
        title: near
          ? `${near.name} (${windowKey('mail')?.face})`
          : 'Mail — walk up to a mail terminal',
        badge: unread && badge('hud-mail-unread', 'Unread mail', unread),
      };
    },
  },
  {
    id: 'combatLog',
    testId: 'hud-combat-log',
    icon: '≡',
    label: 'Log',
    ...keyed('combatLog', 'Combat log'),
    isOpen: (s) => s.combatLogOpen,
    toggle: (s) => s.toggleCombatLog(),
  },
  {
    ...panel('auction', '⚖', 'Exchange', 'Reef Exchange'),
    // no button: reached at a terminal, whose hint names the key
    button: false,
    // the Exchange opens only beside an auction terminal (the command says so elsewhere)
    toggle: (_s, commands) => commands.toggleAuction(),
  },
  {
    ...panel('crafting', '⚒', 'Workbench'),
    // no button: reached at a workbench, whose hint names the key
    button: false,
    // the workbench opens only beside a crafting station (the command says so elsewhere)
    toggle: (_s, commands) => commands.toggleCrafting(),
  },
  {
    ...panel('travel', '⇆', 'Metro'),
    button: false,
    // the metro window opens only at a station (the ride needs one)
    toggle(s) {
      if (s.panels.travel) return s.setPanel('travel', false);
      if (isInstanceZone(s.zone?.id))
        return s.toast('info', 'No metro runs in here: the match sends you back when it ends.');
      if (!s.stationNear) return s.toast('info', 'Walk to a metro station to ride the metro.');
      s.setPanel('travel', true);
    },
  },
];

/** The row of each window, by id (the key table names a window's key by its id). */
export const WINDOW_BY_ID: ReadonlyMap<WindowId, WindowRow> = new Map(
  WINDOWS.map((w) => [w.id, w]),
);
