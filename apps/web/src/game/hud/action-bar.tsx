'use client';
/**
 * Bottom-centre buttons for the windows, with their hotkeys and badges: unspent
 * points, quests ready to turn in, friend requests waiting, guild invitations waiting,
 * unread mail, an unclaimed daily reward.
 */
import type { ReactNode } from 'react';
import { useFriends } from '../friends/use-friends';
import { useGuildInvites, useMyGuild } from '../guild/use-guild';
import { unreadBadge } from '../mail/mail-view';
import { useMailbox } from '../mail/use-mail';
import { useSheet } from '../items/use-inventory';
import { readyCount } from '../quests/quest-lists';
import { useDailyStatus, useQuestLog } from '../quests/use-quests';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

interface BarButtonProps {
  testId: string;
  icon: string;
  label: string;
  title: string;
  on: boolean;
  onClick: () => void;
  hotkey?: string;
  /** dimmed (e.g. the bank away from a terminal) */
  far?: boolean;
  state?: string;
  children?: ReactNode;
}

function BarButton(p: BarButtonProps) {
  return (
    <button
      type="button"
      className={`actionbar__btn${p.on ? ' is-on' : ''}${p.far ? ' is-far' : ''}`}
      data-testid={p.testId}
      data-state={p.state}
      title={p.title}
      aria-pressed={p.on}
      onClick={p.onClick}
    >
      <span className="actionbar__icon">{p.icon}</span>
      <span className="actionbar__label">{p.label}</span>
      {p.hotkey && <kbd>{p.hotkey}</kbd>}
      {p.children}
    </button>
  );
}

export function ActionBar() {
  const panels = useGame((s) => s.panels);
  const togglePanel = useGame((s) => s.togglePanel);
  const bankNear = useGame((s) => s.bankNear);
  const mailNear = useGame((s) => s.mailNear);
  const unreadMail = unreadBadge(useMailbox().unread);
  const logOpen = useGame((s) => s.combatLogOpen);
  const toggleLog = useGame((s) => s.toggleCombatLog);
  const { commands } = useGameSession();
  const sheet = useSheet();
  const points = sheet.data?.attributePoints ?? 0;
  const log = useQuestLog().data;
  const ready = log ? readyCount(log) : 0;
  const requests = useFriends().data?.incoming.length ?? 0;
  // invitations matter only to a character in no guild
  const noGuild = useMyGuild().data === null;
  const guildInvites = useGuildInvites(noGuild).data?.length ?? 0;
  const dailyQuery = useDailyStatus();
  const daily = dailyQuery.data;
  const dailyState = daily
    ? daily.canClaim
      ? 'claimable'
      : 'claimed'
    : dailyQuery.isError
      ? 'error'
      : 'loading';
  return (
    <nav className="actionbar" aria-label="Windows">
      <BarButton
        testId="hud-inventory"
        icon="▦"
        label="Inventory"
        hotkey="I"
        title="Inventory (I)"
        on={panels.inventory}
        onClick={() => togglePanel('inventory')}
      />
      <BarButton
        testId="hud-character"
        icon="◈"
        label="Character"
        hotkey="C"
        title="Character (C)"
        on={panels.character}
        onClick={() => togglePanel('character')}
      >
        {points > 0 && (
          <span
            className="actionbar__badge"
            data-testid="hud-points"
            title="Unspent attribute points"
          >
            +{points}
          </span>
        )}
      </BarButton>
      <BarButton
        testId="hud-quests"
        icon="!"
        label="Quests"
        hotkey="J"
        title="Quest log (J)"
        on={panels.quests}
        onClick={() => togglePanel('quests')}
      >
        {ready > 0 && (
          <span
            className="actionbar__badge actionbar__badge--ready"
            data-testid="hud-quests-ready"
            title="Quests ready to turn in"
          >
            ?{ready > 1 ? ready : ''}
          </span>
        )}
      </BarButton>
      <BarButton
        testId="hud-reputation"
        icon="♜"
        label="Reputation"
        hotkey="R"
        title="Reputation (R)"
        on={panels.reputation}
        onClick={() => togglePanel('reputation')}
      />
      <BarButton
        testId="hud-friends"
        icon="☺"
        label="Friends"
        hotkey="O"
        title="Friends (O)"
        on={panels.friends}
        onClick={() => togglePanel('friends')}
      >
        {requests > 0 && (
          <span
            className="actionbar__badge"
            data-testid="hud-friend-requests"
            title="Friend requests waiting"
          >
            {requests}
          </span>
        )}
      </BarButton>
      <BarButton
        testId="hud-guild"
        icon="⬢"
        label="Guild"
        hotkey="G"
        title="Guild (G)"
        on={panels.guild}
        onClick={() => togglePanel('guild')}
      >
        {noGuild && guildInvites > 0 && (
          <span
            className="actionbar__badge"
            data-testid="hud-guild-invites"
            title="Guild invitations waiting"
          >
            {guildInvites}
          </span>
        )}
      </BarButton>
      <BarButton
        testId="hud-achievements"
        icon="✪"
        label="Achievements"
        hotkey="Y"
        title="Achievements (Y)"
        on={panels.achievements}
        onClick={() => togglePanel('achievements')}
      />
      <BarButton
        testId="hud-rankings"
        icon="♛"
        label="Rankings"
        hotkey="U"
        title="Rankings (U)"
        on={panels.rankings}
        onClick={() => togglePanel('rankings')}
      />
      <BarButton
        testId="hud-queue"
        icon="⚔"
        label="Finder"
        hotkey="K"
        title="Group finder (K)"
        on={panels.queue}
        onClick={() => togglePanel('queue')}
      />
      <BarButton
        testId="hud-daily"
        icon="✦"
        label="Daily"
        title={daily?.canClaim ? 'Daily reward — ready to claim' : 'Daily reward'}
        state={dailyState}
        on={panels.daily}
        onClick={() => togglePanel('daily')}
      >
        {daily?.canClaim && (
          <span className="actionbar__dot" data-testid="hud-daily-dot" aria-label="Unclaimed" />
        )}
      </BarButton>
      <BarButton
        testId="hud-bank"
        icon="¥"
        label="Bank"
        hotkey="B"
        title={bankNear ? bankNear.name : 'Walk up to a bank terminal'}
        on={panels.bank}
        far={!bankNear}
        onClick={commands.toggleBank}
      />
      <BarButton
        testId="hud-mail"
        icon="✉"
        label="Mail"
        hotkey="M"
        title={mailNear ? `${mailNear.name} (M)` : 'Mail — walk up to a mail terminal'}
        on={panels.mail}
        far={!mailNear}
        onClick={commands.toggleMail}
      >
        {unreadMail && (
          <span className="actionbar__badge" data-testid="hud-mail-unread" title="Unread mail">
            {unreadMail}
          </span>
        )}
      </BarButton>
      <BarButton
        testId="hud-combat-log"
        icon="≡"
        label="Log"
        hotkey="L"
        title="Combat log (L)"
        on={logOpen}
        onClick={toggleLog}
      />
    </nav>
  );
}
