'use client';
/**
 * The mailbox (M / E / click a mail terminal): Inbox, Compose, Sent (the trade history
 * is the character sheet's, anywhere: trade/trade-history.tsx). It opens beside a mail terminal and closes
 * when you walk away (sending, taking and paying happen there; the server checks
 * again). Opening reads the inbox again; while open it is read every 30 s. The draft
 * survives switching tabs and closing the window.
 */
import { useEffect, useState } from 'react';
import { MAILBOX_MAX, type MailView } from '@necp/shared';
import { EMPTY_DRAFT, type MailDraft } from './mail-view';
import { useMailActions, useMailbox } from './use-mail';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { MailCompose } from './mail-compose';
import { MailInbox, MailReader } from './mail-inbox';
import { MailSent } from './mail-sent';

type Tab = 'inbox' | 'compose' | 'sent';

export function MailPanel() {
  const open = useGame((s) => s.panels.mail);
  const setPanel = useGame((s) => s.setPanel);
  const terminal = useGame((s) => s.mailNear);
  const box = useMailbox(open);
  const actions = useMailActions();
  const [tab, setTab] = useState<Tab>('inbox');
  const [reading, setReading] = useState<MailView | null>(null);
  const [draft, setDraft] = useState<MailDraft>(EMPTY_DRAFT);
  const { refetch } = box.query;
  // opening shows the cached inbox at once and reads it again (late arrivals are not pushed)
  useEffect(() => {
    if (open) void refetch();
    else setReading(null);
  }, [open, refetch]);
  if (!open) return null;
  const unread = box.unread ?? 0;
  return (
    <GameWindow
      title="mailbox"
      hotkey={windowFace('mail')}
      testId="mail-panel"
      className="gwin--mail"
      onClose={() => setPanel('mail', false)}
      extra={terminal && <span className="gwin__sub mail__where">{terminal.name}</span>}
    >
      <div className="tabs tabs--mail" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'inbox'}
          className={`tabs__tab${tab === 'inbox' ? ' is-on' : ''}`}
          data-testid="mail-tab-inbox"
          onClick={() => {
            setTab('inbox');
            setReading(null);
          }}
        >
          Inbox
          {unread > 0 && (
            <span className="tabs__n" data-testid="mail-unread">
              {unread}
            </span>
          )}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'compose'}
          className={`tabs__tab${tab === 'compose' ? ' is-on' : ''}`}
          data-testid="mail-tab-compose"
          onClick={() => setTab('compose')}
        >
          Compose
          {draft.attachments.length > 0 && (
            <span className="tabs__n">▦ {draft.attachments.length}</span>
          )}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'sent'}
          className={`tabs__tab${tab === 'sent' ? ' is-on' : ''}`}
          data-testid="mail-tab-sent"
          onClick={() => setTab('sent')}
        >
          Sent
        </button>
        {box.total !== null && (
          <span className="mail__total" title="Mails in your box">
            {box.total} / {MAILBOX_MAX}
          </span>
        )}
      </div>
      {tab === 'compose' ? (
        <MailCompose draft={draft} setDraft={setDraft} actions={actions} />
      ) : tab === 'sent' ? (
        <MailSent />
      ) : reading ? (
        <MailReader
          key={reading.id}
          mail={reading}
          actions={actions}
          onBack={() => setReading(null)}
          onChange={setReading}
        />
      ) : (
        <MailInbox box={box} actions={actions} onOpen={setReading} />
      )}
    </GameWindow>
  );
}
