'use client';
/**
 * The game's windows as a player reaches them, one row each: the action bar's button
 * (icon, label, live badge) and the hotkey. ActionBar (action-bar.tsx) draws the rows
 * with a button; the hotkey hook (use-hotkeys.ts) runs a row's toggle for its key.
 * A new window is a row here and its component in overlays.ts.
 */
import type { ReactNode } from 'react';
import { useFriends } from '../friends/use-friends';
import { useGuildInvites, useMyGuild } from '../guild/use-guild';
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
  id: PanelId | 'combatLog';
  testId: string;
  icon: string;
  label: string;
  title: string;
  /** KeyboardEvent.code of the hotkey and the key's face; none: no hotkey */
  key?: { code: string; face: string };
  /** its word on the key card (key-help.tsx); none: the card leaves it to the button */
  help?: string;
  /** false: reached by its key and in the world only (the metro: T, at a station) */
  button?: false;
  isOpen: (s: Store) => boolean;
  toggle: (s: Store, commands: GameCommands) => void;
  /** a hook: the button's badge, or the title and state that follow data */
  useLook?: () => WindowLook;
}

/** A window that is one panel of the store, opened and closed by its button and key. */
const panel = (
  id: PanelId,
  icon: string,
  label: string,
  key: string | null,
  title = label,
): WindowRow => ({
  id,
  testId: `hud-${id}`,
  icon,
  label,
  title: key ? `${title} (${key})` : title,
  ...(key ? { key: { code: `Key${key}`, face: key } } : {}),
  isOpen: (s) => s.panels[id],
  toggle: (s) => s.togglePanel(id),
});

const badge = (testId: string, title: string, text: ReactNode, modifier = '') => (
  <span className={`actionbar__badge${modifier}`} data-testid={testId} title={title}>
    {text}
  </span>
);

export const WINDOWS: readonly WindowRow[] = [
  panel('inventory', '▦', 'Inventory', 'I'),
  {
    ...panel('character', '◈', 'Character', 'C'),
    useLook() {
      const points = useSheet().data?.attributePoints ?? 0;
      return points > 0
        ? { badge: badge('hud-points', 'Unspent attribute points', `+${points}`) }
        : {};
    },
  },
  {
    ...panel('quests', '!', 'Quests', 'J', 'Quest log'),
    help: 'quests',
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
  { ...panel('reputation', '♜', 'Reputation', 'R'), help: 'rep' },
  {
    ...panel('friends', '☺', 'Friends', 'O'),
    help: 'friends',
    useLook() {
      const requests = useFriends().data?.incoming.length ?? 0;
      return requests > 0
        ? { badge: badge('hud-friend-requests', 'Friend requests waiting', requests) }
        : {};
    },
  },
  {
    ...panel('guild', '⬢', 'Guild', 'G'),
    help: 'guild',
    useLook() {
      // invitations matter only to a character in no guild
      const noGuild = useMyGuild().data === null;
      const invites = useGuildInvites(noGuild).data?.length ?? 0;
      return noGuild && invites > 0
        ? { badge: badge('hud-guild-invites', 'Guild invitations waiting', invites) }
        : {};
    },
  },
  { ...panel('achievements', '✪', 'Achievements', 'Y'), help: 'achievements' },
  { ...panel('rankings', '♛', 'Rankings', 'U'), help: 'rankings' },
  { ...panel('queue', '⚔', 'Finder', 'K', 'Group finder'), help: 'group finder' },
  { ...panel('contracts', '✎', 'Contracts', 'P', 'Contract board'), help: 'contracts' },
  {
    ...panel('daily', '✦', 'Daily', null, 'Daily reward'),
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
    ...panel('bank', '¥', 'Bank', 'B'),
    // the vault opens only beside a terminal (the command says so when it cannot)
    toggle: (_s, commands) => commands.toggleBank(),
    useLook() {
      const near = useGame((s) => s.bankNear);
      return { far: !near, title: near ? near.name : 'Walk up to a bank terminal' };
    },
  },
  {
    ...panel('mail', '✉', 'Mail', 'M'),
    help: 'mail',
    toggle: (_s, commands) => commands.toggleMail(),
    useLook() {
      const near = useGame((s) => s.mailNear);
      const unread = unreadBadge(useMailbox().unread);
      return {
        far: !near,
        title: near ? `${near.name} (M)` : 'Mail — walk up to a mail terminal',
        badge: unread && badge('hud-mail-unread', 'Unread mail', unread),
      };
    },
  },
  {
    id: 'combatLog',
    testId: 'hud-combat-log',
    icon: '≡',
    label: 'Log',
    title: 'Combat log (L)',
    key: { code: 'KeyL', face: 'L' },
    help: 'log',
    isOpen: (s) => s.combatLogOpen,
    toggle: (s) => s.toggleCombatLog(),
  },
  {
    ...panel('auction', '⚖', 'Exchange', 'X', 'Reef Exchange'),
    // no line on the key card (as the bank's B): the terminal's hint names the key
    button: false,
    // the Exchange opens only beside an auction terminal (the command says so elsewhere)
    toggle: (_s, commands) => commands.toggleAuction(),
  },
  {
    ...panel('crafting', '⚒', 'Workbench', 'V', 'Workbench'),
    // no line on the key card (as the bank's B): the workbench's hint names the key
    button: false,
    // the workbench opens only beside a crafting station (the command says so elsewhere)
    toggle: (_s, commands) => commands.toggleCrafting(),
  },
  {
    ...panel('travel', '⇆', 'Metro', 'T'),
    help: 'metro',
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

/** The row a key opens, by KeyboardEvent.code. */
export const WINDOW_BY_CODE: ReadonlyMap<string, WindowRow> = new Map(
  WINDOWS.flatMap((w) => (w.key ? [[w.key.code, w] as const] : [])),
);
