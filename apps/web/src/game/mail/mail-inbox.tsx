'use client';
/**
 * The inbox (newest first, unread in bold, badges for what a mail carries) and one
 * mail opened: its body, attachments as item slots, eddies and cash on delivery,
 * with Take all / take one / take eddies, Pay COD (confirmed), Return to sender
 * (confirmed) and Delete (once empty).
 */
import type { MailSummary, MailView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useServerNow } from '../time/use-server-now';
import { agoText, expiresText, mailActions, mailBadges } from './mail-view';
import type { useMailActions, useMailbox } from './use-mail';
import { useGame } from '../hud/store-context';
import { MailSlot, MailTooltip, mailItem, useMailTip } from './mail-slot';
import { OlderMailButton } from './older-mail-button';

type Actions = ReturnType<typeof useMailActions>;
type Box = ReturnType<typeof useMailbox>;

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

export function MailInbox({
  box,
  actions,
  onOpen,
}: {
  box: Box;
  actions: Actions;
  onOpen: (m: MailView) => void;
}) {
  const now = useServerNow(30_000);
  const { query, mails } = box;
  if (!query.data) {
    return query.isError ? (
      <p className="gwin__msg form-error">{refusal(query.error)}</p>
    ) : (
      <p className="gwin__msg muted">Checking your mailbox…</p>
    );
  }
  if (mails.length === 0)
    return (
      <p className="mail__empty muted" data-testid="mail-empty">
        No mail. Anything sent with items or eddies takes a while to arrive.
      </p>
    );
  const open = (m: MailSummary) => actions.read.mutate(m.id, { onSuccess: (view) => onOpen(view) });
  return (
    <>
      <ul className="mail__list" aria-label="Inbox">
        {mails.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className={`mrow${m.read ? '' : ' is-unread'} is-${m.kind}`}
              data-testid="mail-row"
              data-id={m.id}
              data-unread={!m.read}
              data-subject={m.subject}
              disabled={actions.read.isPending}
              onClick={() => open(m)}
            >
              <span className="mrow__dot" aria-label={m.read ? undefined : 'Unread'} />
              <span className="mrow__main">
                <span className="mrow__top">
                  <span className="mrow__from">{m.from}</span>
                  <span className="mrow__ago">{agoText(m.arrivedAt, now)}</span>
                </span>
                <span className="mrow__subject">{m.subject}</span>
              </span>
              <span className="mrow__badges">
                {mailBadges(m).map((b) => (
                  <span
                    key={b.kind}
                    className={`mbadge mbadge--${b.kind}`}
                    data-testid={`mail-badge-${b.kind}`}
                    title={b.title}
                  >
                    {b.text}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <OlderMailButton query={query} />
    </>
  );
}

export function MailReader({
  mail,
  actions,
  onBack,
  onChange,
}: {
  mail: MailView;
  actions: Actions;
  onBack: () => void;
  /** the mail after a take (null: it left the box) */
  onChange: (m: MailView | null) => void;
}) {
  const now = useServerNow(30_000);
  const setDialog = useGame((s) => s.setDialog);
  const toast = useGame((s) => s.toast);
  const { tip, bind, clear } = useMailTip();
  const can = mailActions(mail);
  const busy = actions.pending;
  const id = mail.id;
  const done = (m: MailView | null) => {
    clear();
    onChange(m);
  };
  const after = { onSuccess: (m: MailView) => done(m) };
  const afterPaid = { onSuccess: (r: { mail: MailView }) => done(r.mail) };
  const gone = { onSuccess: () => done(null) };

  const pay = () =>
    setDialog({
      kind: 'confirm',
      title: 'cash on delivery',
      message: `Pay ${yen(mail.cod)} to ${mail.from} and take everything in “${mail.subject}”?`,
      confirmLabel: `Pay ${yen(mail.cod)}`,
      onConfirm: () =>
        actions.payCod.mutate(id, {
          onSuccess: (r) => {
            done(r.mail);
            toast('success', `Paid ${yen(mail.cod)} to ${mail.from}: it is all in your bag.`);
          },
        }),
    });
  const sendBack = () =>
    setDialog({
      kind: 'confirm',
      title: 'return to sender',
      message: `Send “${mail.subject}” back to ${mail.from}${mail.attachments.length || mail.eddies ? ' with everything it holds' : ''}?`,
      confirmLabel: 'Return',
      onConfirm: () => actions.returnToSender.mutate(id, gone),
    });
  const remove = () =>
    setDialog({
      kind: 'confirm',
      title: 'delete mail',
      message: `Delete “${mail.subject}” from ${mail.from}?`,
      confirmLabel: 'Delete',
      danger: true,
      onConfirm: () => actions.remove.mutate(id, gone),
    });

  return (
    <article className="mread" data-testid="mail-reader" data-id={id} aria-label={mail.subject}>
      <header className="mread__head">
        <button
          type="button"
          className="btn btn--ghost btn--small mread__back"
          data-testid="mail-back"
          onClick={onBack}
        >
          ‹ Inbox
        </button>
        <div className="mread__title">
          <h3 className="mread__subject" data-testid="mail-subject">
            {mail.subject}
          </h3>
          <p className="mread__meta">
            from <b data-testid="mail-from">{mail.from}</b> · {agoText(mail.arrivedAt, now)}
            {mail.kind === 'returned' && <span className="mbadge mbadge--returned">returned</span>}
          </p>
        </div>
      </header>
      {mail.body ? (
        <p className="mread__body" data-testid="mail-text">
          {mail.body}
        </p>
      ) : (
        <p className="mread__body muted">(no text)</p>
      )}

      {mail.cod > 0 && (
        <div className="mread__cod" data-testid="mail-cod" data-value={mail.cod}>
          <span>
            Cash on delivery <b>{yen(mail.cod)}</b>
            <small>pay to take what it holds — or return it</small>
          </span>
          <button
            type="button"
            className="btn btn--small mread__pay"
            data-testid="mail-pay"
            disabled={busy}
            onClick={pay}
          >
            Pay {yen(mail.cod)}
          </button>
        </div>
      )}

      {mail.attachments.length > 0 && (
        <section className="mread__items" aria-label="Attachments">
          <div className="mread__slots">
            {mail.attachments.map((a) => (
              <MailSlot
                key={a.itemId}
                item={mailItem(a)}
                testId="mail-attachment"
                hover={bind(mailItem(a))}
                disabled={busy || !can.takeItem}
                title={can.takeItem ? 'take it' : 'pay the cash on delivery first'}
                onClick={() => actions.takeItems.mutate({ mailId: id, itemId: a.itemId }, after)}
              />
            ))}
          </div>
          {can.takeAll && (
            <button
              type="button"
              className="btn btn--small"
              data-testid="mail-take-all"
              disabled={busy}
              onClick={() => actions.takeItems.mutate({ mailId: id }, after)}
            >
              Take all
            </button>
          )}
        </section>
      )}

      {mail.eddies > 0 && (
        <div className="mread__eddies" data-testid="mail-eddies" data-value={mail.eddies}>
          <span className="eddies">
            <span className="eddies__sign">¥</span>
            {mail.eddies.toLocaleString('en-US')}
          </span>
          {can.takeEddies && (
            <button
              type="button"
              className="btn btn--small"
              data-testid="mail-take-eddies"
              disabled={busy}
              onClick={() => actions.takeEddies.mutate(id, afterPaid)}
            >
              Take eddies
            </button>
          )}
        </div>
      )}

      <footer className="mread__foot">
        <span className="mread__expires muted">{expiresText(mail, now)}</span>
        {can.returnToSender && (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            data-testid="mail-return"
            disabled={busy}
            onClick={sendBack}
          >
            Return
          </button>
        )}
        <button
          type="button"
          className="btn btn--danger btn--small"
          data-testid="mail-delete"
          disabled={busy || !can.delete}
          title={can.delete ? 'Delete this mail' : 'Take what it holds first'}
          onClick={remove}
        >
          Delete
        </button>
      </footer>
      <MailTooltip tip={tip} />
    </article>
  );
}
